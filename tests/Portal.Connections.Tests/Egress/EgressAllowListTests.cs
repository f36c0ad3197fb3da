using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Egress;

namespace Portal.Connections.Tests.Egress;

public sealed class EgressAllowListTests : IDisposable
{
    private readonly CanaryListener _sandbox = new();
    private readonly CanaryListener _neighbour = new();

    // SEC-23: an exact origin exception reaches its listener; another port on the same loopback address does not.
    [Fact]
    public async Task Allowed_origin_reaches_its_listener_and_a_neighbouring_port_does_not()
    {
        using var host = EgressTestHost.Create(allowedOrigins: [_sandbox.Origin]);
        using var client = host.Client();

        var body = await client.GetStringAsync(_sandbox.Origin + "/api/items");
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(_neighbour.Origin + "/"));

        Assert.Equal("canary", body);
        Assert.Equal(1, _sandbox.Connections);
        Assert.True(EgressBlockedException.TryFind(error, out var blocked));
        Assert.Contains("127.0.0.1", blocked.Message, StringComparison.Ordinal);
        Assert.Equal(0, _neighbour.Connections);
    }

    // SEC-23: scheme is part of the origin.
    [Fact]
    public async Task Allowed_http_origin_does_not_exempt_https_on_the_same_port()
    {
        using var host = EgressTestHost.Create(allowedOrigins: [_sandbox.Origin]);
        using var client = host.Client();

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync($"https://127.0.0.1:{_sandbox.Port}/"));

        Assert.True(EgressBlockedException.TryFind(error, out _));
        Assert.Equal(0, _sandbox.Connections);
    }

    // SEC-23
    [Fact]
    public async Task Configured_exceptions_are_logged_once_at_startup()
    {
        using var host = EgressTestHost.Create(allowedOrigins: [_sandbox.Origin, "HTTPS://Sandbox.Example:8443/"]);

        await host.StartHostedServicesAsync();

        var lines = host.Logs.Lines.Where(l => l.Contains("Egress exception configured", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Single(lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains($"exactly {_sandbox.Origin} skip", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("exactly https://sandbox.example:8443 skip", StringComparison.Ordinal));
    }

    // SEC-23: the Sandbox may pick its port at startup.
    [Fact]
    public async Task Origin_added_at_runtime_is_logged_once_and_then_reachable()
    {
        using var host = EgressTestHost.Create();
        using var client = host.Client();
        var before = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(_sandbox.Origin + "/"));

        var added = host.AllowList.AddOrigin(new Uri(_sandbox.Origin));
        var addedAgain = host.AllowList.AddOrigin(new Uri(_sandbox.Origin + "/"));
        var body = await client.GetStringAsync(_sandbox.Origin + "/");

        Assert.True(EgressBlockedException.TryFind(before, out _));
        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal("canary", body);
        Assert.Single(host.Logs.Lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("added at runtime", StringComparison.Ordinal));
        Assert.Contains(_sandbox.Origin, host.AllowList.Origins);
    }

    // SEC-23: exceptions are exact, so anything that is not a bare origin is rejected at startup.
    [Theory]
    [InlineData("http://127.0.0.1:5100/api")]
    [InlineData("http://127.0.0.1:5100/?x=1")]
    [InlineData("http://admin:pw@127.0.0.1:5100")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("127.0.0.1:5100")]
    [InlineData("*.example.com")]
    public void Malformed_configured_origin_fails_with_a_clear_message(string origin)
    {
        using var host = EgressTestHost.Create(allowedOrigins: [origin]);

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<EgressAllowList>());

        Assert.Contains($"'{origin}' in Egress:AllowedOrigins is not an exact origin", error.Message, StringComparison.Ordinal);
        Assert.Contains("e.g. http://127.0.0.1:5100", error.Message, StringComparison.Ordinal);
    }

    // SEC-23
    [Theory]
    [InlineData("HTTP://LOCALHOST:5100", "http://localhost:5100")]
    [InlineData("https://Example.com", "https://example.com:443")]
    [InlineData("http://[::1]:8080/", "http://::1:8080")]
    public void Origins_are_normalized_to_scheme_host_and_port(string origin, string expected)
    {
        using var host = EgressTestHost.Create(allowedOrigins: [origin]);

        var configured = host.AllowList.Configured;

        Assert.Equal([expected], configured);
    }

    public void Dispose()
    {
        _sandbox.Dispose();
        _neighbour.Dispose();
    }
}
