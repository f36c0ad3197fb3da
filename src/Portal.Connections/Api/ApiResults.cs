using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Catalog;

namespace Portal.Connections.Api;

/// <summary>JSON in and out with the library's own options (string enums) so the host's JSON settings don't matter.</summary>
internal static class ApiResults
{
    public static IResult Json(object? value, int status = 200) => Results.Json(value, CatalogJson.Options, statusCode: status);

    public static IResult Problem(ConnectionsException ex, HttpContext context) => Results.Problem(
        detail: context.RequestServices.GetRequiredService<IConnectionsWording>().Describe(ex),
        statusCode: ex.Kind switch
        {
            ConnectionsErrorKind.NotFound => 404,
            ConnectionsErrorKind.Forbidden => 403,
            ConnectionsErrorKind.Invalid or ConnectionsErrorKind.UrlNotAllowed => 400,
            ConnectionsErrorKind.Provider => 502,
            ConnectionsErrorKind.Transient => 503,
            _ => 409,
        },
        title: ex.Kind.ToString());

    public static IResult Validation(IEnumerable<FieldError> errors) => Results.ValidationProblem(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        detail: "Fix the highlighted fields and submit again.");

    public static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, CatalogJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IResult BadBody() => Results.Problem(
        detail: "The request body is not valid JSON for this endpoint; check the field names and types in the API documentation.", statusCode: 400);
}
