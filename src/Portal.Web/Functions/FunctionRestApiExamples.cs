using System.Text.Json;

namespace Portal.Web.Functions;

/// <summary>The execute URLs and curl examples the REST API tab shows, absolute on the portal's base URL.</summary>
public static class FunctionRestApiExamples
{
    public const string TokenPlaceholder = "YOUR_PERSONAL_ACCESS_TOKEN";

    public const string KeyPlaceholder = "YOUR_API_KEY";

    public static string TokenUrl(string baseUrl, string apiName) => $"{baseUrl.TrimEnd('/')}/api/v1/functions/{apiName}/actions/execute";

    public static string KeyUrl(string baseUrl, string apiName) => $"{TokenUrl(baseUrl, apiName)}?zapikey={KeyPlaceholder}";

    public static string TokenCurl(string baseUrl, string apiName, IReadOnlyList<FunctionArgument> arguments) =>
        Curl(TokenUrl(baseUrl, apiName), $"Authorization: Bearer {TokenPlaceholder}", arguments);

    public static string KeyCurl(string baseUrl, string apiName, IReadOnlyList<FunctionArgument> arguments) =>
        Curl(TokenUrl(baseUrl, apiName), $"X-Portal-Api-Key: {KeyPlaceholder}", arguments);

    /// <summary>A JSON body with a sample value of the right type for every argument.</summary>
    public static string SampleBody(IReadOnlyList<FunctionArgument> arguments)
    {
        var values = arguments.ToDictionary(a => a.Name, a => Sample(a.Type));
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["arguments"] = values });
    }

    private static string Curl(string url, string header, IReadOnlyList<FunctionArgument> arguments)
    {
        var lines = new List<string> { $"curl -X POST '{url}'", $"  -H '{header}'" };
        if (arguments.Count > 0)
        {
            lines.Add("  -H 'Content-Type: application/json'");
            lines.Add($"  -d '{SampleBody(arguments).Replace("'", "'\\''", StringComparison.Ordinal)}'");
        }

        return string.Join(" \\\n", lines);
    }

    private static object Sample(string type) => type switch
    {
        FunctionArgumentTypes.Number => 1,
        FunctionArgumentTypes.Decimal => 1.5,
        FunctionArgumentTypes.Boolean => true,
        FunctionArgumentTypes.Date => "2026-01-31",
        FunctionArgumentTypes.Map => new Dictionary<string, object>(),
        FunctionArgumentTypes.List => Array.Empty<object>(),
        _ => "text",
    };
}
