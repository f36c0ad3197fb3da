using System.Net;
using System.Net.Sockets;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>A fake OAuth provider + API on 127.0.0.1 (WireMock.Net).</summary>
internal sealed class FakeProvider : IDisposable
{
    public FakeProvider()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [Url] });
    }

    public WireMockServer Server { get; }

    /// <summary>The literal loopback address (not "localhost", which may try ::1 first).</summary>
    public string Url { get; }

    public string TokenUrl => Url + "/token";

    public string AuthorizeUrl => Url + "/authorize";

    public string RevokeUrl => Url + "/revoke";

    public string ApiBase => Url + "/api/";

    /// <summary>Answers the token endpoint for the given grant type.</summary>
    public void OnToken(string grantType, int status, string body, string contentType = "application/json", TimeSpan? delay = null, IDictionary<string, string>? headers = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        if (delay is { } d)
        {
            response = response.WithDelay(d);
        }

        foreach (var (k, v) in headers ?? new Dictionary<string, string>())
        {
            response = response.WithHeader(k, v);
        }

        Server.Given(Request.Create().WithPath("/token").UsingPost().WithBody(new RegexMatcher($"grant_type={grantType}")))
            .RespondWith(response);
    }

    public void OnApi(string path, int status = 200, string body = "{\"ok\":true}") =>
        Server.Given(Request.Create().WithPath(path)).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    public void OnRevoke(int status = 200) =>
        Server.Given(Request.Create().WithPath("/revoke").UsingPost()).RespondWith(Response.Create().WithStatusCode(status));

    public IReadOnlyList<ILogEntry> Calls(string path) => [.. Server.LogEntries.Where(e => e.RequestMessage.Path == path)];

    public IReadOnlyList<ILogEntry> TokenCalls(string grantType) =>
        [.. Calls("/token").Where(e => (e.RequestMessage.Body ?? "").Contains($"grant_type={grantType}", StringComparison.Ordinal))];

    public void Dispose() => Server.Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
