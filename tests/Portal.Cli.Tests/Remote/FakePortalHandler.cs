using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Cli.Tests.Remote;

/// <summary>An in-memory stand-in for the portal's /api/v1/functions surface; records every request it sees.</summary>
internal sealed class FakePortalHandler(string token) : HttpMessageHandler
{
    public Dictionary<string, (string Code, int Version)> Functions { get; } = [];

    public List<(HttpMethod Method, string Path, string? Authorization, string Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add((request.Method, path, request.Headers.Authorization?.ToString(), body));
        if (request.Headers.Authorization?.Parameter != token)
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        var segments = path.Trim('/').Split('/');
        return (request.Method.Method, segments) switch
        {
            ("GET", ["api", "v1", "functions"]) => Json(200, new JsonArray()),
            ("POST", ["api", "v1", "functions"]) => Save(JsonNode.Parse(body)!["api_name"]!.GetValue<string>(), body, 201),
            ("GET", ["api", "v1", "functions", var name]) => Functions.TryGetValue(name, out var f)
                ? Json(200, new JsonObject { ["api_name"] = name, ["code"] = f.Code, ["version"] = f.Version })
                : Json(404, new JsonObject { ["detail"] = $"There is no function with the API name '{name}'." }),
            ("PUT", ["api", "v1", "functions", var name]) => Save(name, body, 200),
            ("POST", ["api", "v1", "functions", var name, "actions", "execute"]) => Execute(name, body),
            ("GET", ["api", "v1", "functions", _, "runs"]) => Json(200, new JsonObject { ["runs"] = new JsonArray(new JsonObject { ["id"] = 7, ["info"] = new JsonArray("ran on the portal") }) }),
            _ => Json(404, new JsonObject { ["detail"] = "no such route" }),
        };
    }

    private HttpResponseMessage Save(string name, string body, int status)
    {
        var code = JsonNode.Parse(body)!["code"]!.GetValue<string>();
        if (code.Contains("x = ;", StringComparison.Ordinal))
        {
            return Json(422, new JsonObject { ["detail"] = "compile errors", ["diagnostics"] = new JsonArray(new JsonObject { ["line"] = 1, ["column"] = 5, ["message"] = "expected an expression" }) });
        }

        var version = Functions.TryGetValue(name, out var existing) ? existing.Version + 1 : 1;
        Functions[name] = (code, version);
        return Json(status, new JsonObject { ["api_name"] = name, ["code"] = code, ["version"] = version });
    }

    private HttpResponseMessage Execute(string name, string form)
    {
        if (!Functions.TryGetValue(name, out var function))
        {
            return Json(404, new JsonObject { ["code"] = "error", ["details"] = new JsonObject { ["message"] = $"There is no function with the API name '{name}'." }, ["message"] = "not found" });
        }

        if (function.Code.Contains("1 / 0", StringComparison.Ordinal))
        {
            return Json(400, new JsonObject { ["code"] = "error", ["details"] = new JsonObject { ["message"] = "division by zero", ["line"] = 2, ["column"] = 7 }, ["message"] = "division by zero" });
        }

        var who = Uri.UnescapeDataString(form.Split('&').FirstOrDefault(p => p.StartsWith("who=", StringComparison.Ordinal))?[4..] ?? "nobody");
        return Json(200, new JsonObject
        {
            ["code"] = "success",
            ["details"] = new JsonObject { ["output"] = "hello " + who, ["output_type"] = "string", ["id"] = "7" },
            ["message"] = "function executed successfully",
        });
    }

    private static HttpResponseMessage Json(int status, JsonNode node) =>
        new((HttpStatusCode)status) { Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json") };
}
