using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Data;
using Portal.Connections.Security;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public abstract class BackgroundRefreshCases : IDisposable
{
    private readonly FakeProvider _provider = new();
    private TestEngine _engine;

    protected BackgroundRefreshCases(TestDatabaseKind database)
    {
        Database = database;
        _engine = TestEngine.Create([_provider.Url], database: database);
    }

    protected TestDatabaseKind Database { get; }

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Authorizations_idle_for_a_day_are_refreshed_and_recent_ones_are_left_alone()
    {
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "idle", ConnectionMode.LoginUserCredentials);
        await _engine.SeedTokensAsync("idle", "user-a", "a-old", "r-a", _engine.Time.GetUtcNow().AddHours(1));
        _engine.Time.Advance(TimeSpan.FromHours(25));
        await _engine.SeedTokensAsync("idle", "user-b", "b-old", "r-b", _engine.Time.GetUtcNow().AddHours(1));
        _provider.OnToken("refresh_token", 200, """{"access_token":"a-new","expires_in":3600}""");

        var refreshed = await _engine.Refresher.RefreshIdleAuthorizationsAsync();
        var a = await _engine.ReadAuthorizationAsync("idle", "user-a");
        var b = await _engine.ReadAuthorizationAsync("idle", "user-b");

        Assert.Equal(1, refreshed);
        Assert.Equal("a-new", _engine.Decrypt(SecretKind.AccessToken, a!));
        Assert.Equal("r-a", _engine.Decrypt(SecretKind.RefreshToken, a!));
        Assert.Equal("b-old", _engine.Decrypt(SecretKind.AccessToken, b!));
        Assert.Contains("r-a", _provider.TokenCalls("refresh_token").Single().RequestMessage.Body);
    }

    [Fact]
    public async Task Idle_sweep_skips_authorizations_that_need_reauthorization_and_purges_expired_states()
    {
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "idle");
        await _engine.SeedTokensAsync("idle", TestEngine.Owner, "a", "r", null);
        await _engine.Flow.StartAsync("idle", TestEngine.Owner, TestEngine.RedirectUri);
        _provider.OnToken("refresh_token", 400, """{"error":"invalid_grant"}""");
        _engine.Time.Advance(TimeSpan.FromHours(25));

        var first = await _engine.Refresher.RefreshIdleAuthorizationsAsync();
        _engine.Time.Advance(TimeSpan.FromHours(25));
        var second = await _engine.Refresher.RefreshIdleAuthorizationsAsync();
        await using var db = _engine.Db.CreateDbContext();

        Assert.Equal(0, first + second);
        Assert.Single(_provider.TokenCalls("refresh_token"));
        Assert.Empty(db.Set<OAuthFlowStateEntity>());
    }

    [Fact]
    public async Task Background_service_sweeps_at_start_and_on_every_interval()
    {
        _engine.Dispose();
        _engine = TestEngine.Create([_provider.Url], configure: s => s.Configure<ConnectionsOptions>(o =>
        {
            o.EnableBackgroundRefresh = true;
            o.BackgroundRefreshInterval = TimeSpan.FromHours(1);
        }), database: Database);
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "idle");
        await _engine.SeedTokensAsync("idle", TestEngine.Owner, "a", "r", null);
        _engine.Time.Advance(TimeSpan.FromHours(25));
        _provider.OnToken("refresh_token", 200, """{"access_token":"a2"}""");
        using var service = new Tokens.TokenRefreshBackgroundService(_engine.Refresher, _engine.Time,
            _engine.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConnectionsOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Tokens.TokenRefreshBackgroundService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await WaitForAsync(async () => (await _engine.ReadAuthorizationAsync("idle", TestEngine.Owner))!.LastRefreshedAt == _engine.Time.GetUtcNow());
        _engine.Time.Advance(TimeSpan.FromHours(25));
        await WaitForAsync(() => Task.FromResult(_provider.TokenCalls("refresh_token").Count == 2));
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(2, _provider.TokenCalls("refresh_token").Count);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(50);
        }
    }
}

/// <summary>The cases above on SQLite.</summary>
public sealed class BackgroundRefreshTests() : BackgroundRefreshCases(TestDatabaseKind.Sqlite);

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class BackgroundRefreshOnPostgreSqlTests() : BackgroundRefreshCases(TestDatabaseKind.PostgreSQL);
