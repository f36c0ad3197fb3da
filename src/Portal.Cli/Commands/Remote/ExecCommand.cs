using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.Cli.Commands.Remote;

/// <summary>portal exec API_NAME [--arg name=value]... — runs the saved function on the portal; prints like "portal run".</summary>
internal sealed class ExecCommand(RemoteEnvironment environment) : ICliCommand
{
    private const string Syntax = "portal exec API_NAME [--arg name=value]...";

    public string Name => "exec";

    public string Usage => "exec API_NAME [--arg name=value]...          run a saved function on the portal";

    public async Task<int> ExecuteAsync(IReadOnlyList<string> arguments, CliContext context)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var apiName = await RemoteCommandLine.ParseAsync(arguments, new Dictionary<string, Func<string, bool>>
        {
            ["--arg"] = pair =>
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0)
                {
                    return false;
                }

                values[pair[..eq]] = pair[(eq + 1)..];
                return true;
            },
        }, "exec needs the function's API name", Syntax, context);
        if (apiName is null)
        {
            return ExitCodes.Usage;
        }

        if (await environment.RequireLoginAsync(context) is not { } settings)
        {
            return ExitCodes.Usage;
        }

        using var client = environment.CreateClient(settings);
        var path = $"api/v1/functions/{Uri.EscapeDataString(apiName)}";
        using var response = await client.PostAsync(path + "/actions/execute", new FormUrlEncodedContent(values), context.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(context.CancellationToken);
        using var document = TryParse(text);
        if (document is null)
        {
            return await RemoteErrors.ReportAsync(response, context);
        }

        var envelope = document.RootElement;
        if (!envelope.TryGetProperty("code", out var code))
        {
            // A function that shapes its own response (crmAPIResponse) is printed as it answered.
            await context.Out.WriteLineAsync(text);
            return response.IsSuccessStatusCode ? ExitCodes.Success : ExitCodes.Failed;
        }

        var details = envelope.GetProperty("details");
        if (code.GetString() != "success")
        {
            await WriteInfoAsync(client, path, null, context);
            var line = details.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 0;
            var message = details.GetProperty("message").GetString();
            var column = details.TryGetProperty("column", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0;
            await context.Error.WriteLineAsync(line > 0 ? $"error: line {line}, column {column}: {message}" : $"error: {message}");
            return ExitCodes.Failed;
        }

        await WriteInfoAsync(client, path, details.GetProperty("id").GetString(), context);
        var output = details.GetProperty("output");
        await context.Out.WriteLineAsync("return: " + (output.ValueKind == JsonValueKind.String ? output.GetString() : output.ValueKind == JsonValueKind.Null ? "null" : output.GetRawText()));
        return ExitCodes.Success;
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The envelope has no info lines; they come from the run history (the caller's newest run when the id is unknown).</summary>
    private static async Task WriteInfoAsync(HttpClient client, string path, string? runId, CliContext context)
    {
        using var response = await client.GetAsync(path + "/runs?per_page=20", context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return;
        }

        var runs = (await response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken)).GetProperty("runs").EnumerateArray().ToList();
        var run = runs.FirstOrDefault(r => runId is null || r.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture) == runId);
        if (run.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var line in run.GetProperty("info").EnumerateArray())
        {
            await context.Out.WriteLineAsync(line.GetString());
        }
    }
}
