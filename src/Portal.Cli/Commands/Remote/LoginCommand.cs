namespace Portal.Cli.Commands.Remote;

/// <summary>portal login --url URL --token PAT — checks the token against the portal and saves it (0600).</summary>
internal sealed class LoginCommand(RemoteEnvironment environment) : ICliCommand
{
    private const string Syntax = "portal login --url URL --token PAT";

    public string Name => "login";

    public string Usage => "login --url URL --token PAT                  save the portal URL and a personal access token";

    public async Task<int> ExecuteAsync(IReadOnlyList<string> arguments, CliContext context)
    {
        string? url = null, token = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--url" when i + 1 < arguments.Count:
                    url = arguments[++i];
                    break;
                case "--token" when i + 1 < arguments.Count:
                    token = arguments[++i];
                    break;
                default:
                    await context.Error.WriteLineAsync($"error: unexpected argument '{arguments[i]}'; usage: {Syntax}");
                    return ExitCodes.Usage;
            }
        }

        if (url is null || token is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await context.Error.WriteLineAsync($"error: login needs an http(s) --url and a --token; usage: {Syntax}");
            return ExitCodes.Usage;
        }

        var settings = new RemoteSettings(url.TrimEnd('/'), token);
        using var client = environment.CreateClient(settings);
        using var response = await client.GetAsync("api/v1/functions", context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return await RemoteErrors.ReportAsync(response, context);
        }

        await settings.SaveAsync(environment.ConfigDirectory, context.CancellationToken);
        await context.Out.WriteLineAsync($"logged in to {settings.Url}; token saved in {Path.Combine(environment.ConfigDirectory, RemoteSettings.FileName)}");
        return ExitCodes.Success;
    }
}
