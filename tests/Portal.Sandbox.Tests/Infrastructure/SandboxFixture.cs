using Microsoft.Extensions.Logging.Abstractions;

namespace Portal.Sandbox.Tests.Infrastructure;

/// <summary>One real Sandbox Cloud on 127.0.0.1 with a random port and its own temporary data folder.</summary>
public sealed class SandboxFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string ClientId = "portal-test";
    public const string ClientSecret = "portal-test-secret-0123456789";
    public const string PublicClientId = "public-test";
    public const string RedirectUri = "http://127.0.0.1:1/connections/callback";
    public const string WeatherKey = "weather-key-for-tests";

    private Action<SandboxOptions>? configure;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "sandbox-tests-" + Guid.NewGuid().ToString("N"));

    public SandboxInstance Instance { get; private set; } = null!;

    public Uri Url => Instance.Url;

    public Task InitializeAsync() => StartAsync();

    public async Task StartAsync(Action<SandboxOptions>? configureOptions = null)
    {
        configure = configureOptions;
        Instance = await SandboxServer.StartAsync(Options("http://127.0.0.1:0"), NullLoggerFactory.Instance);
    }

    /// <summary>Stops and starts again on the same port and data folder, as after a machine restart.</summary>
    public async Task RestartAsync()
    {
        var authority = Url.GetLeftPart(UriPartial.Authority);
        await Instance.DisposeAsync();
        Instance = await SandboxServer.StartAsync(Options(authority), NullLoggerFactory.Instance);
    }

    public BrowserSession NewBrowser() => new(Url);

    public HttpClient NewApiClient() => new() { BaseAddress = Url };

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the OS cleans the temp folder later.
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private SandboxOptions Options(string url)
    {
        var options = new SandboxOptions
        {
            Url = url,
            DataDirectory = DataDirectory,
            Clients =
            [
                new SandboxClient(ClientId, ClientSecret, [RedirectUri], "Portal (tests)", AllowClientCredentials: true),
                new SandboxClient(PublicClientId, null, [RedirectUri], "Public test app", AllowClientCredentials: false),
            ],
            WeatherApiKeys = [WeatherKey],
        };
        configure?.Invoke(options);
        return options;
    }
}
