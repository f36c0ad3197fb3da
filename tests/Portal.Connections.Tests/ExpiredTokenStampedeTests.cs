using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Credentials;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

/// <summary>
/// Issue #18 item 3: a thousand concurrent runs on one expired token cause one token call, and all of them get the new token —
/// with the credential cache on (a host that counts writes) and off (a host that cannot).
/// </summary>
// SEC-15: single flight at 1,000 concurrent callers (issue #18 item 3).
public sealed class ExpiredTokenStampedeTests : IDisposable
{
    private readonly FakeProvider _provider = new();
    private TestEngine? _engine;

    public void Dispose()
    {
        _engine?.Dispose();
        _provider.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_thousand_concurrent_runs_on_one_expired_token_make_one_token_request_and_all_succeed(bool cached)
    {
        var stamp = new ManualChangeStamp();
        _engine = TestEngine.Create([_provider.Url], configure: cached ? s => s.AddSingleton<IConnectionsChangeStamp>(stamp) : null);
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "sheets");
        await _engine.SeedTokensAsync("sheets", TestEngine.Owner, "old-access", "old-refresh", _engine.Time.GetUtcNow() + TimeSpan.FromHours(1));
        var url = new Uri(_provider.ApiBase + "v1/me");

        // The cache (when on) holds the row read while its token was still good, then the token expires.
        Assert.Equal("old-access", (await _engine.Resolver.ResolveAsync("sheets", TestEngine.Owner, url)).AccessToken);
        _engine.Time.Advance(TimeSpan.FromHours(2));
        _provider.OnToken("refresh_token", 200, """{"access_token":"fresh","expires_in":3600}""", delay: TimeSpan.FromMilliseconds(200));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var callers = Enumerable.Range(0, 1000).Select(async _ =>
        {
            await gate.Task;
            return await _engine.Resolver.ResolveAsync("sheets", TestEngine.Owner, url);
        }).ToArray();
        gate.SetResult();
        var credentials = await Task.WhenAll(callers);

        Assert.All(credentials, c => Assert.Equal("fresh", c.AccessToken));
        Assert.Single(_provider.TokenCalls("refresh_token"));
        stamp.Bump(); // what the refresh's write does in the portal
        Assert.Equal("fresh", (await _engine.Resolver.ResolveAsync("sheets", TestEngine.Owner, url)).AccessToken);
        Assert.Single(_provider.TokenCalls("refresh_token"));
    }

    [Fact]
    public async Task A_cached_credential_is_reused_only_while_the_stamp_holds()
    {
        var stamp = new ManualChangeStamp();
        _engine = TestEngine.Create([_provider.Url], configure: s => s.AddSingleton<IConnectionsChangeStamp>(stamp));
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "sheets");
        await _engine.SeedTokensAsync("sheets", TestEngine.Owner, "first", "r", _engine.Time.GetUtcNow() + TimeSpan.FromHours(1));
        var url = new Uri(_provider.ApiBase + "v1/me");
        var first = await _engine.Resolver.ResolveAsync("sheets", TestEngine.Owner, url);

        await _engine.SeedTokensAsync("sheets", TestEngine.Owner, "second", "r", _engine.Time.GetUtcNow() + TimeSpan.FromHours(1));
        var unchangedStamp = await _engine.Resolver.ResolveAsync("sheets", TestEngine.Owner, url);
        stamp.Bump();
        var movedStamp = await _engine.Resolver.ResolveAsync("sheets", TestEngine.Owner, url);

        Assert.Equal("first", first.AccessToken);
        Assert.Same(first, unchangedStamp); // decrypted once, not per call
        Assert.Equal("second", movedStamp.AccessToken);
    }

    private sealed class ManualChangeStamp : IConnectionsChangeStamp
    {
        private long _value;

        public long? Current => Volatile.Read(ref _value);

        public void Bump() => Interlocked.Increment(ref _value);
    }
}
