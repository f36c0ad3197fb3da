namespace Portal.Web.Functions.Api;

/// <summary>A function as the deploy API returns it; Code is null in lists.</summary>
internal sealed record FunctionApiModel(
    string Name,
    string ApiName,
    string? Description,
    IReadOnlyList<FunctionArgument> Arguments,
    string? Code,
    int? Version,
    DateTimeOffset UpdatedAt,
    string ExecuteUrl,
    FunctionVisibility Visibility)
{
    public static FunctionApiModel From(FunctionDetails d) =>
        new(d.Name, d.ApiName, d.Description, d.Arguments, d.Code, d.LatestVersion, d.UpdatedAt, ExecutePath(d.ApiName), d.Visibility);

    public static FunctionApiModel From(FunctionSummary s) =>
        new(s.Name, s.ApiName, s.Description, s.Arguments, null, null, s.UpdatedAt, ExecutePath(s.ApiName), s.Visibility);

    public static string ExecutePath(string apiName) => $"/api/v1/functions/{apiName}/actions/execute";
}
