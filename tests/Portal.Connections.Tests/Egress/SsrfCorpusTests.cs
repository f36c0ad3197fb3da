using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Egress;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests.Egress;

/// <summary>Issue 8, acceptance 1: the SSRF corpus never reaches the canary and every refusal names the blocked host.</summary>
public sealed class SsrfCorpusTests : IClassFixture<SsrfCanaries>, IDisposable
{
    private readonly SsrfCanaries _listeners;
    private readonly EgressTestHost _host;

    public SsrfCorpusTests(SsrfCanaries listeners)
    {
        _listeners = listeners;
        _host = EgressTestHost.Create(allowedOrigins: [listeners.Redirector.Origin, listeners.Allowed.Origin]);
        SsrfCorpus.ConfigureDns(_host.Resolver);
    }

    [Fact]
    public void Corpus_has_at_least_100_payloads()
    {
        var total = SsrfCorpus.Direct.Length + SsrfCorpus.RedirectTargets.Length;

        Assert.True(total >= 100, $"only {total} payloads");
        Assert.Equal(SsrfCorpus.Direct.Length, SsrfCorpus.Direct.Select(p => p.Template).Distinct().Count());
    }

    // SEC-22
    [Theory]
    [MemberData(nameof(SsrfCorpus.DirectCases), MemberType = typeof(SsrfCorpus))]
    public async Task Connect_time_check_alone_refuses_the_payload_and_names_the_host(SsrfPayload payload)
    {
        using var client = _host.Client();

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(payload.Url(_listeners.Target.Port)));

        Assert.True(EgressBlockedException.TryFind(error, out var blocked), $"not an egress refusal: {error}");
        Assert.Equal(payload.Reason, blocked.Reason);
        Assert.Contains(payload.Host, blocked.Message, StringComparison.Ordinal);
        Assert.Contains(payload.Host, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _listeners.Target.Connections);
    }

    // SEC-22, SEC-23
    [Theory]
    [MemberData(nameof(SsrfCorpus.DirectCases), MemberType = typeof(SsrfCorpus))]
    public async Task Url_pre_check_refuses_literals_and_leaves_names_to_the_connect_check(SsrfPayload payload)
    {
        var url = payload.Url(_listeners.Target.Port);
        using var client = _host.Client();

        var error = await Record.ExceptionAsync(async () => await client.GetAsync(_host.UrlPolicy.Validate(url)));

        Assert.True(EgressBlockedException.TryFind(error, out var blocked), $"not an egress refusal: {error}");
        Assert.Equal(payload.UrlPolicyBlocks, error is EgressBlockedException);
        Assert.Equal(payload.UrlPolicyBlocks ? payload.UrlReason : payload.Reason, blocked.Reason);
        Assert.Contains(payload.Host, blocked.Message, StringComparison.Ordinal);
        Assert.Equal(0, _listeners.Target.Connections);
    }

    // SEC-13, SEC-22: the engine's own Invoke client (CredentialInjectingHandler follows redirects) on the filtering handler.
    [Theory]
    [MemberData(nameof(SsrfCorpus.RedirectCases), MemberType = typeof(SsrfCorpus))]
    public async Task Redirect_chain_from_an_allowed_origin_to_an_internal_host_is_refused_at_the_internal_hop(SsrfPayload payload)
    {
        using var engine = EngineWithEgress();
        var target = payload.Url(_listeners.Target.Port);
        var chain = _listeners.Redirector.RedirectTo(_listeners.Redirector.RedirectTo(target));

        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => engine.InvokeClient().GetAsync(chain));

        Assert.True(EgressBlockedException.TryFind(error, out var blocked), $"not an egress refusal: {error}");
        Assert.Contains(payload.Host, blocked.Message, StringComparison.Ordinal);
        Assert.Equal(0, _listeners.Target.Connections);
        Assert.True(_listeners.Redirector.Connections >= 2);
    }

    // SEC-13, SEC-23
    [Fact]
    public async Task Redirect_chain_from_one_allowed_origin_to_another_allowed_origin_is_followed()
    {
        using var engine = EngineWithEgress();

        using var response = await engine.InvokeClient().GetAsync(_listeners.Redirector.RedirectTo(_listeners.Allowed.Origin + "/hello"));

        Assert.Equal("canary", await response.Content.ReadAsStringAsync());
        Assert.True(_listeners.Allowed.Connections >= 1);
        Assert.Equal(0, _listeners.Target.Connections);
    }

    public void Dispose() => _host.Dispose();

    private TestEngine EngineWithEgress() => TestEngine.Create(configure: services =>
    {
        var dns = new MapDnsResolver();
        SsrfCorpus.ConfigureDns(dns);
        services.AddSingleton<IEgressDnsResolver>(dns);
        services.AddPortalEgressFiltering(EgressTestHost.Configuration([_listeners.Redirector.Origin, _listeners.Allowed.Origin], TimeSpan.FromSeconds(3)));
    });
}
