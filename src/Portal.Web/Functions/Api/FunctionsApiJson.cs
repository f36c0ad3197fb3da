using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Web.Functions.Api;

/// <summary>snake_case JSON (api_name, output_type) like the CRM function API, independent of the host's JSON settings.</summary>
internal static class FunctionsApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static IResult Json(object? value, int status = 200) => Results.Json(value, Options, statusCode: status);

    public static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IResult BadBody() => Results.Problem(
        detail: "The request body is not valid JSON for this endpoint; send {\"name\", \"api_name\", \"description\", \"arguments\": [{\"name\", \"type\"}], \"code\"}.",
        statusCode: 400);

    public static IResult NotFound(string apiName) => Results.Problem(
        detail: $"There is no function with the API name '{apiName}' that you can see. Check the API name (GET /api/v1/functions lists them).",
        statusCode: 404);
}
