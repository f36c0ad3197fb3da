namespace Portal.Web.Functions;

public sealed record FunctionDetails(
    int Id,
    string Name,
    string ApiName,
    string? Description,
    IReadOnlyList<FunctionArgument> Arguments,
    string Code,
    string OwnerUserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid ConcurrencyStamp,
    int LatestVersion,
    FunctionVisibility Visibility = FunctionVisibility.Shared);
