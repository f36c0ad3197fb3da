using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.Cli.Commands.Remote;

/// <summary>portal pull API_NAME [--out FILE] — writes the function's current code to API_NAME.dg.</summary>
internal sealed class PullCommand(RemoteEnvironment environment) : ICliCommand
{
    private const string Syntax = "portal pull API_NAME [--out FILE]";

    public string Name => "pull";

    public string Usage => "pull API_NAME [--out FILE]                   save a function's code from the portal to API_NAME.dg";

    public async Task<int> ExecuteAsync(IReadOnlyList<string> arguments, CliContext context)
    {
        string? file = null;
        var apiName = await RemoteCommandLine.ParseAsync(arguments, new Dictionary<string, Func<string, bool>>
        {
            ["--out"] = value =>
            {
                file = value;
                return true;
            },
        }, "pull needs the function's API name", Syntax, context);
        if (apiName is null)
        {
            return ExitCodes.Usage;
        }

        if (await environment.RequireLoginAsync(context) is not { } settings)
        {
            return ExitCodes.Usage;
        }

        using var client = environment.CreateClient(settings);
        using var response = await client.GetAsync($"api/v1/functions/{Uri.EscapeDataString(apiName)}", context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return await RemoteErrors.ReportAsync(response, context);
        }

        var function = await response.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken);
        file ??= apiName + ".dg";
        await File.WriteAllTextAsync(file, function.GetProperty("code").GetString(), context.CancellationToken);
        await context.Out.WriteLineAsync($"pulled {apiName} (version {function.GetProperty("version").GetInt32()}) to {file}");
        return ExitCodes.Success;
    }
}
