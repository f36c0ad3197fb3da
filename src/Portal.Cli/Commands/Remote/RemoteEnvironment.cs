namespace Portal.Cli.Commands.Remote;

/// <summary>What the remote commands share: the config directory and how to reach the portal (tests pass a handler).</summary>
internal sealed class RemoteEnvironment(string configDirectory, Func<HttpMessageHandler> handlerFactory)
{
    public static RemoteEnvironment Default { get; } = new(RemoteSettings.DefaultDirectory, () => new HttpClientHandler());

    public string ConfigDirectory => configDirectory;

    public HttpClient CreateClient(RemoteSettings settings)
    {
        var client = new HttpClient(handlerFactory(), disposeHandler: true) { BaseAddress = new Uri(settings.Url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(90) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.Token);
        return client;
    }

    /// <summary>The saved login, or null after telling the user to log in.</summary>
    public async Task<RemoteSettings?> RequireLoginAsync(CliContext context)
    {
        var settings = await RemoteSettings.LoadAsync(configDirectory, context.CancellationToken);
        if (settings is null)
        {
            await context.Error.WriteLineAsync("error: not logged in; run 'portal login --url URL --token PAT' first");
        }

        return settings;
    }
}
