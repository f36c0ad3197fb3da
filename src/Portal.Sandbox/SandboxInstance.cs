using Microsoft.AspNetCore.Builder;

namespace Portal.Sandbox;

/// <summary>A running Sandbox Cloud server; dispose to stop it.</summary>
public sealed class SandboxInstance : IAsyncDisposable
{
    private readonly WebApplication app;

    internal SandboxInstance(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>Actual base URL, e.g. <c>http://127.0.0.1:5100/</c> (the real port when 0 was configured).</summary>
    public Uri Url { get; }

    /// <summary>Issuer identifier, as in discovery and in the <c>iss</c> of authorization responses (with trailing slash).</summary>
    public string Issuer => Url.AbsoluteUri;

    public IServiceProvider Services => app.Services;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
