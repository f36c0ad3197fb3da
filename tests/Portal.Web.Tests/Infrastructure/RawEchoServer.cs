using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>
/// An API on 127.0.0.1 that, unlike Sandbox Echo, masks nothing: it answers with the raw query string and every request
/// header, in the body and as X-Echo-* response headers — what a careless or hostile API does with a credential.
/// </summary>
public sealed class RawEchoServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private RawEchoServer(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Every request header value received, so a test knows a secret it never chose (e.g. an OAuth access token).</summary>
    public ConcurrentBag<KeyValuePair<string, string>> ReceivedHeaders { get; } = [];

    public static async Task<RawEchoServer> StartAsync()
    {
        var url = $"http://127.0.0.1:{SandboxPortalWebFactory.FreePort()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RawEchoServer(app, url);
        app.Run(async http =>
        {
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString());
            foreach (var header in headers)
            {
                server.ReceivedHeaders.Add(header);
                http.Response.Headers["X-Echo-" + header.Key] = header.Value;
            }

            await http.Response.WriteAsJsonAsync(new { rawQuery = http.Request.QueryString.Value, headers });
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
