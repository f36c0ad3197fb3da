using System.Text.Json;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions.Api;

/// <summary>The CRM-style execute envelope, or the HTTP response a function shapes itself with crmAPIResponse.</summary>
internal static class ExecuteResponses
{
    public const string SuccessMessage = "function executed successfully";

    // Hop-by-hop and framing headers are the server's; cookies on the portal's origin could fix a session.
    private static readonly HashSet<string> ForbiddenHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Set-Cookie", "Content-Type",
    };

    public static IResult Error(int status, string message, int? line = null, string? argument = null, int? column = null) => FunctionsApiJson.Json(
        new Dictionary<string, object?>
        {
            ["code"] = "error",
            ["details"] = argument is null ? new Dictionary<string, object?> { ["message"] = message, ["line"] = line, ["column"] = column } : new Dictionary<string, object?> { ["message"] = message, ["argument"] = argument },
            ["message"] = message,
        },
        status);

    public static IResult From(FunctionRunRecord run)
    {
        if (run.Status != FunctionRunStatus.Succeeded)
        {
            var message = run.ErrorMessage ?? "The function failed without a message; open its run history in the portal for details.";
            return Error(run.Status == FunctionRunStatus.Cancelled ? 504 : 400, message, run.ErrorLine, column: run.ErrorColumn);
        }

        using var document = JsonDocument.Parse(run.ReturnValueJson ?? "null");
        var output = document.RootElement;
        if (output.ValueKind == JsonValueKind.Object && output.TryGetProperty("crmAPIResponse", out var shaped) && shaped.ValueKind == JsonValueKind.Object)
        {
            return Shaped(shaped.Clone());
        }

        return FunctionsApiJson.Json(new Dictionary<string, object?>
        {
            ["code"] = "success",
            ["details"] = new Dictionary<string, object?> { ["output"] = output.Clone(), ["output_type"] = OutputType(output), ["id"] = run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["message"] = SuccessMessage,
        });
    }

    public static string OutputType(JsonElement output) => output.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Object => "map",
        JsonValueKind.Array => "list",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => output.TryGetInt64(out _) ? "number" : "decimal",
        _ => "void",
    };

    private static ShapedResult Shaped(JsonElement response)
    {
        var status = response.TryGetProperty("status_code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var s) && s is >= 200 and <= 599 ? s
            : response.TryGetProperty("status_code", out code) && code.ValueKind == JsonValueKind.String && int.TryParse(code.GetString(), out s) && s is >= 200 and <= 599 ? s
            : 200;
        var hasBody = response.TryGetProperty("body", out var body) && body.ValueKind != JsonValueKind.Null;
        var text = !hasBody ? string.Empty : body.ValueKind == JsonValueKind.String ? body.GetString()! : body.GetRawText();
        var contentType = response.TryGetProperty("Content-Type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : hasBody && body.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? "application/json" : "text/plain; charset=utf-8";
        var headers = new List<KeyValuePair<string, string>>();
        if (response.TryGetProperty("headers", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            headers.AddRange(map.EnumerateObject()
                .Where(h => !ForbiddenHeaders.Contains(h.Name) && h.Name.All(c => c > ' ' && c < 127 && c != ':'))
                .Select(h => KeyValuePair.Create(h.Name, h.Value.ValueKind == JsonValueKind.String ? h.Value.GetString()! : h.Value.GetRawText())));
        }

        return new ShapedResult(status, contentType, headers, text);
    }

    private sealed class ShapedResult(int status, string contentType, IReadOnlyList<KeyValuePair<string, string>> headers, string body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                // Header values with line breaks would split the response; they are dropped.
                if (!value.Contains('\r', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal))
                {
                    response.Headers[name] = value;
                }
            }

            response.ContentType = contentType;
            await response.WriteAsync(body, httpContext.RequestAborted);
        }
    }
}
