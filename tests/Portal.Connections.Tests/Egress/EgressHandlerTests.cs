using System.Diagnostics;
using System.Net;
using Portal.Connections.Egress;

namespace Portal.Connections.Tests.Egress;

public sealed class EgressHandlerTests : IDisposable
{
    private readonly CanaryListener _canary = new();

    // SEC-22, SEC-13
    [Fact]
    public void Primary_handler_follows_no_redirects_and_uses_no_proxy_cookies_or_HTTP3()
    {
        using var host = EgressTestHost.Create();

        using var primary = host.Factory.CreatePrimaryHandler();

        var sockets = Assert.IsType<SocketsHttpHandler>(Assert.IsType<NoHttp3Handler>(primary).InnerHandler);
        Assert.False(sockets.AllowAutoRedirect);
        Assert.False(sockets.UseProxy);
        Assert.Null(sockets.Proxy);
        Assert.False(sockets.UseCookies);
        Assert.NotNull(sockets.ConnectCallback);
    }

    // SEC-24
    [Fact]
    public void Connect_timeout_defaults_to_10_seconds_and_is_configurable()
    {
        using var configured = EgressTestHost.Create(connectTimeout: TimeSpan.FromMilliseconds(1500));

        using var handler = configured.Factory.CreateSocketsHandler();

        Assert.Equal(TimeSpan.FromSeconds(10), new EgressOptions().ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), handler.ConnectTimeout);
    }

    // SEC-24: DNS resolution runs inside the connect callback, so the connect timeout bounds a hanging resolver too.
    [Fact]
    public async Task Hanging_DNS_is_cut_off_by_the_connect_timeout()
    {
        using var host = EgressTestHost.Create(connectTimeout: TimeSpan.FromMilliseconds(300));
        host.Resolver.Hang = true;
        using var client = host.Client();
        var clock = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => client.GetAsync($"http://slow.test:{_canary.Port}/"));

        Assert.True(error is HttpRequestException or TaskCanceledException, error?.ToString());
        Assert.Contains(typeof(TimeoutException), Chain(error!).Select(e => e.GetType()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(0, _canary.Connections);
    }

    // SEC-22: nothing is sent when the name does not resolve.
    [Theory]
    [InlineData("nxdomain.test")]
    [InlineData("empty.test")]
    public async Task DNS_failure_fails_closed_with_a_message_naming_the_host(string name)
    {
        using var host = EgressTestHost.Create();
        host.Resolver.Map("empty.test");
        using var client = host.Client();

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync($"http://{name}:{_canary.Port}/"));

        Assert.True(EgressBlockedException.TryFind(error, out var blocked));
        Assert.Equal(EgressBlockReason.DnsFailure, blocked.Reason);
        Assert.Equal($"Requests to {name} are blocked: the name could not be resolved, so nothing was sent. Check the host name in the URL.", blocked.Message);
        Assert.Equal(0, _canary.Connections);
    }

    // SEC-22: a public first answer does not excuse a private second one.
    [Fact]
    public async Task A_name_is_refused_when_any_resolved_address_is_blocked()
    {
        using var host = EgressTestHost.Create();
        host.Resolver.Map("mixed.test", "93.184.216.34", "2606:4700::1111", "10.0.0.7");
        using var client = host.Client();

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("https://mixed.test/"));

        Assert.True(EgressBlockedException.TryFind(error, out var blocked));
        Assert.Equal(IPAddress.Parse("10.0.0.7"), blocked.Address);
        Assert.Equal("Requests to mixed.test are blocked: the name resolves to 10.0.0.7, a private network address (RFC 1918). Scripts may only call public internet addresses.",
            blocked.Message);
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("mixed.test", StringComparison.Ordinal));
    }

    // SEC-22: a fake "public" name on a TEST-NET address is still refused, so positive tests must use an exact-origin exception.
    [Fact]
    public async Task Name_resolving_to_a_documentation_address_is_refused_as_reserved()
    {
        using var host = EgressTestHost.Create();
        host.Resolver.Map("public.test", "203.0.113.20");
        using var client = host.Client();

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("https://public.test/v1/items"));

        Assert.True(EgressBlockedException.TryFind(error, out var blocked));
        Assert.Equal("Requests to public.test are blocked: the name resolves to 203.0.113.20, a documentation-only address (TEST-NET). Scripts may only call public internet addresses.",
            blocked.Message);
    }

    // SEC-22: DNS rebinding safe: the connection goes to the address the resolver returned and was vetted, not to a second lookup.
    [Fact]
    public async Task Connection_goes_to_the_address_that_was_resolved_once_and_vetted()
    {
        using var host = EgressTestHost.Create(allowedOrigins: [$"http://sandbox.test:{_canary.Port}"]);
        host.Resolver.Map("sandbox.test", "127.0.0.1");
        using var client = host.Client();

        var body = await client.GetStringAsync($"http://sandbox.test:{_canary.Port}/ping");

        Assert.Equal("canary", body);
        Assert.Equal(["sandbox.test"], host.Resolver.Lookups);
        Assert.Equal(1, _canary.Connections);
    }

    // SEC-22: QUIC would bypass the connect callback, so HTTP/3 requests are sent as HTTP/2 or lower.
    [Fact]
    public async Task HTTP3_request_is_sent_as_HTTP11_or_HTTP2()
    {
        using var host = EgressTestHost.Create(allowedOrigins: [_canary.Origin]);
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, _canary.Origin + "/") { Version = HttpVersion.Version30, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, request.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionOrLower, request.VersionPolicy);
        Assert.Equal(HttpVersion.Version11, response.Version);
    }

    // SEC-22
    [Theory]
    [InlineData("1.1", HttpVersionPolicy.RequestVersionOrHigher, "1.1", HttpVersionPolicy.RequestVersionOrLower)]
    [InlineData("2.0", HttpVersionPolicy.RequestVersionOrHigher, "2.0", HttpVersionPolicy.RequestVersionOrLower)]
    [InlineData("3.0", HttpVersionPolicy.RequestVersionOrLower, "2.0", HttpVersionPolicy.RequestVersionOrLower)]
    [InlineData("2.0", HttpVersionPolicy.RequestVersionExact, "2.0", HttpVersionPolicy.RequestVersionExact)]
    [InlineData("1.1", HttpVersionPolicy.RequestVersionOrLower, "1.1", HttpVersionPolicy.RequestVersionOrLower)]
    public void Version_policy_never_allows_an_upgrade_to_HTTP3(string version, HttpVersionPolicy policy, string expectedVersion, HttpVersionPolicy expectedPolicy)
    {
        using var request = new HttpRequestMessage { Version = Version.Parse(version), VersionPolicy = policy };

        NoHttp3Handler.Downgrade(request);

        Assert.Equal(Version.Parse(expectedVersion), request.Version);
        Assert.Equal(expectedPolicy, request.VersionPolicy);
    }

    public void Dispose() => _canary.Dispose();

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
