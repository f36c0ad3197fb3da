using System.Net;
using System.Net.Http.Json;

namespace Portal.Cli.Commands.Remote;

/// <summary>portal push FILE.dg [--api-name NAME] [--argument NAME:TYPE]... — creates the function or saves its code (and arguments, when given) as a new version.</summary>
internal sealed class PushCommand(RemoteEnvironment environment) : ICliCommand
{
    private const string Syntax = "portal push FILE.dg [--api-name NAME] [--argument NAME:TYPE]...";

    public string Name => "push";

    public string Usage => "push FILE.dg [--api-name NAME] [--argument NAME:TYPE]...  deploy a script as a function (types: text, number, decimal, boolean, date, map, list)";

    public async Task<int> ExecuteAsync(IReadOnlyList<string> arguments, CliContext context)
    {
        string? file = null, apiName = null;
        List<object>? declared = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--api-name" when i + 1 < arguments.Count:
                    apiName = arguments[++i];
                    break;
                case "--argument" when i + 1 < arguments.Count && arguments[i + 1].IndexOf(':') > 0:
                    var pair = arguments[++i];
                    (declared ??= []).Add(new { name = pair[..pair.IndexOf(':')], type = pair[(pair.IndexOf(':') + 1)..].ToLowerInvariant() });
                    break;
                case var other when !other.StartsWith("--", StringComparison.Ordinal) && file is null:
                    file = other;
                    break;
                default:
                    await context.Error.WriteLineAsync($"error: unexpected argument '{arguments[i]}'; usage: {Syntax}");
                    return ExitCodes.Usage;
            }
        }

        if (file is null)
        {
            await context.Error.WriteLineAsync($"error: push needs a script file; usage: {Syntax}");
            return ExitCodes.Usage;
        }

        var code = await ScriptFile.ReadAsync(file, context);
        if (code is null || await environment.RequireLoginAsync(context) is not { } settings)
        {
            return ExitCodes.Usage;
        }

        apiName ??= Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
        using var client = environment.CreateClient(settings);
        using var existing = await client.GetAsync($"api/v1/functions/{Uri.EscapeDataString(apiName)}", context.CancellationToken);
        if (existing.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
        {
            return await RemoteErrors.ReportAsync(existing, context);
        }

        var created = existing.StatusCode == HttpStatusCode.NotFound;
        using var response = created
            ? await client.PostAsJsonAsync("api/v1/functions", new { name = apiName, api_name = apiName, code, arguments = declared ?? [] }, context.CancellationToken)
            : await client.PutAsJsonAsync($"api/v1/functions/{Uri.EscapeDataString(apiName)}", new { code, arguments = declared, message = $"Pushed from {Path.GetFileName(file)}" }, context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return await RemoteErrors.ReportAsync(response, context);
        }

        var saved = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(context.CancellationToken);
        await context.Out.WriteLineAsync($"{(created ? "created" : "updated")} {apiName} (version {saved.GetProperty("version").GetInt32()})");
        return ExitCodes.Success;
    }
}
