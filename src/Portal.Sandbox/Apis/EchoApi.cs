using System.Text;
using System.Text.Json;

namespace Portal.Sandbox.Apis;

/// <summary>Sandbox Echo: answers with the request it received, credentials masked, and whom the token belongs to.</summary>
internal static class EchoApi
{
    public static void MapEchoApi(this IEndpointRouteBuilder app) =>
        app.MapMethods(
                SandboxCatalog.EchoBasePath + "{**rest}",
                [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete],
                (Delegate)EchoAsync)
            .OptionalScope(SandboxCatalog.EchoRead)
            .DisableAntiforgery();

    private static async Task<IResult> EchoAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength > SandboxServer.MaxRequestBodyBytes)
        {
            return ApiAccess.Error(StatusCodes.Status413PayloadTooLarge, "body_too_large", "Sandbox Echo accepts bodies up to 1 MB. Send a smaller body.");
        }

        var caller = http.Caller();
        return Results.Ok(new
        {
            method = request.Method,
            path = request.Path.Value,
            query = request.Query.ToDictionary(
                pair => pair.Key,
                pair => CredentialMasker.IsSensitive(pair.Key) ? CredentialMasker.Mask(pair.Value.ToString()) : pair.Value.ToString()),
            headers = request.Headers.ToDictionary(
                pair => pair.Key,
                pair => CredentialMasker.IsSensitive(pair.Key) ? CredentialMasker.Mask(pair.Value.ToString()) : pair.Value.ToString()),
            contentType = request.ContentType,
            body = await ReadBodyAsync(request),
            caller = caller is null
                ? null
                : new
                {
                    user = caller.IsUser ? new { id = caller.Subject, email = caller.Email, name = caller.Name } : null,
                    clientId = caller.ClientId,
                    scopes = caller.Scopes,
                },
        });
    }

    private static async Task<object?> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        }

        // Kestrel's MaxRequestBodySize bounds this read.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (text.Length == 0)
        {
            return null;
        }

        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return JsonSerializer.Deserialize<JsonElement>(text);
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }
}
