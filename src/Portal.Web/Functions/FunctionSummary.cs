using Portal.Web.Functions.Running;
namespace Portal.Web.Functions;

/// <summary>A row of the functions list; the last run is the latest one the viewer may see.</summary>
public sealed record FunctionSummary(
    int Id,
    string Name,
    string ApiName,
    string? Description,
    IReadOnlyList<FunctionArgument> Arguments,
    DateTimeOffset UpdatedAt,
    FunctionRunStatus? LastRunStatus,
    DateTimeOffset? LastRunAt,
    FunctionVisibility Visibility = FunctionVisibility.Shared);
