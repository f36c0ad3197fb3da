using Microsoft.Extensions.Logging.Abstractions;

namespace Portal.Sandbox.Tests.Infrastructure;

/// <summary>One real Sandbox Cloud on 127.0.0.1 with a random port and its own temporary data folder.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public const string ClientId = "portal-test";
    public const string ClientSecret = "portal-test-secret-0123456789";
    public const string PublicClientId = "public-test";
    public const string RedirectUri = "http://127.0.0.1:1/connections/callback";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "sandbox-tests-" + Guid.NewGuid().ToString("N"));

    public SandboxInstance Instance { get; private set; } = null!;

    public Uri Url => Instance.Url;

    public async Task InitializeAsync() => Instance = await StartAsync(Options());

    public SandboxOptions Options(string url = "http://127.0.0.1:0") => new()
    {
        Url = url,
        DataDirectory = DataDirectory,
        Clients =
        [
            new SandboxClient(ClientId, ClientSecret, [RedirectUri], "Portal (tests)", AllowClientCredentials: true),
            new SandboxClient(PublicClientId, null, [RedirectUri], "Public test app", AllowClientCredentials: false),
        ],
        WeatherApiKeys = ["weather-key-for-tests"],
    };

    public static Task<SandboxInstance> StartAsync(SandboxOptions options) =>
        SandboxServer.StartAsync(options, NullLoggerFactory.Instance);

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
            // A pooled SQLite handle may still be closing; the temp folder is cleaned by the OS later.
        }
    }
}
