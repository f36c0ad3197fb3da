namespace Portal.Web.Functions;

/// <summary>What the New function dialog collects.</summary>
public sealed record FunctionDraft(string Name, string ApiName, string? Description, IReadOnlyList<FunctionArgument> Arguments, string? Code = null, FunctionVisibility Visibility = FunctionVisibility.Shared);
