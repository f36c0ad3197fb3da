namespace Portal.Web.Functions;

public sealed record FunctionVersionSummary(
    int Number,
    DateTimeOffset SavedAt,
    string? SavedByEmail,
    string? Message,
    string Code,
    IReadOnlyList<FunctionArgument> Arguments);
