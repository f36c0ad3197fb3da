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
        string? apiName = null;
        List<object>? declared = null;
        var file = await RemoteCommandLine.ParseAsync(arguments, new Dictionary<string, Func<string, bool>>
        {
            ["--api-name"] = value =>
            {
                apiName = value;
                return true;
            },
            ["--argument"] = pair =>
            {
                var colon = pair.IndexOf(':');
                if (colon <= 0)
                {
                    return false;
                }

                (declared ??= []).Add(new { name = pair[..colon], type = pair[(colon + 1)..].ToLowerInvariant() });
                return true;
            },
        }, "push needs a script file", Syntax, context);
        if (file is null)
        {
            return ExitCodes.Usage;
        }

        var code = await ScriptFile.ReadAsync(file, context);
        if (code is null || await environment.RequireLoginAsync(context) is not { } settings)
        {
            return ExitCodes.Usage;
        }

        // An exported function's header names it; without a header the file name does.
        apiName ??= Portal.Scripting.ScriptEngine.Compile(code).Header?.Name.ToLowerInvariant() ?? Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
        using var client = environment.CreateClient(settings);
        using var existing = await client.GetAsync($"api/v1/functions/{Uri.EscapeDataString(apiName)}", context.CancellationToken);
        if (existing.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound))
        {
            return await RemoteErrors.ReportAsync(existing, context);
        }

        var created = existing.StatusCode == HttpStatusCode.NotFound;
        using var response = created
            ? await client.PostAsJsonAsync("api/v1/functions", new { name = apiName, api_name = apiName, code, arguments = declared }, context.CancellationToken)
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
