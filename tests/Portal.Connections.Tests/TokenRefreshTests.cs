using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Data;
using Portal.Connections.Security;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public abstract class TokenRefreshCases : IDisposable
{
    private readonly FakeProvider _provider = new();
    private TestEngine _engine;

    protected TokenRefreshCases(TestDatabaseKind database)
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
    public async Task Token_with_less_than_the_margin_left_is_refreshed_before_use()
    {
        // SEC-14
        var id = await SeedAsync(TimeSpan.FromMinutes(4));
        _provider.OnToken("refresh_token", 200, """{"access_token":"new","expires_in":3600}""");

        var token = await _engine.Refresher.GetAccessTokenAsync(id);

        Assert.Equal("new", token);
        Assert.Single(_provider.TokenCalls("refresh_token"));
    }

    [Fact]
    public async Task A_refresh_keeps_the_api_domain_unless_the_provider_names_a_new_one()
    {
        var id = await SeedAsync(TimeSpan.FromMinutes(1));
        _provider.OnToken("refresh_token", 200, """{"access_token":"first","expires_in":60,"api_domain":"https://www.zohoapis.com"}""");
        await _engine.Refresher.GetAccessTokenAsync(id);
        _provider.OnToken("refresh_token", 200, """{"access_token":"second","expires_in":60}""");

        await _engine.Refresher.GetAccessTokenAsync(id);
        var kept = (await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner))!.ApiDomain;
        _provider.OnToken("refresh_token", 200, """{"access_token":"third","expires_in":60,"api_domain":"https://www.zohoapis.in"}""");
        await _engine.Refresher.GetAccessTokenAsync(id);
        var replaced = (await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner))!.ApiDomain;

        Assert.Equal(3, _provider.TokenCalls("refresh_token").Count);
        Assert.Equal("https://www.zohoapis.com", kept);
        Assert.Equal("https://www.zohoapis.in", replaced);
    }

    [Fact]
    public async Task Token_with_more_than_the_margin_left_is_used_as_is()
    {
        // SEC-14
        var id = await SeedAsync(TimeSpan.FromMinutes(6));

        var token = await _engine.Refresher.GetAccessTokenAsync(id);

        Assert.Equal("old-access", token);
        Assert.Empty(_provider.Calls("/token"));
    }

    [Fact]
    public async Task Per_service_margin_override_is_honoured()
    {
        // SEC-14
        var id = await SeedAsync(TimeSpan.FromMinutes(8), TestServices.GoogleStyle(_provider) with { RefreshMarginSeconds = 600 });
        _provider.OnToken("refresh_token", 200, """{"access_token":"new","expires_in":3600}""");

        var token = await _engine.Refresher.GetAccessTokenAsync(id);

        Assert.Equal("new", token);
    }

    [Fact]
    public async Task Expiry_is_computed_from_the_time_the_request_was_sent()
    {
        // SEC-14
        _engine.Dispose();
        var time = TestEngine.NewTime();
        _engine = TestEngine.Create([_provider.Url], () => new TimeAdvancingHandler(time, TimeSpan.FromSeconds(30)), time: time, database: Database);
        var id = await SeedAsync(TimeSpan.FromMinutes(1));
        _provider.OnToken("refresh_token", 200, """{"access_token":"new","expires_in":3600}""");
        var sentAt = time.GetUtcNow();

        await _engine.Refresher.GetAccessTokenAsync(id);
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        Assert.Equal(sentAt.AddSeconds(3600), row!.ExpiresAt);
        Assert.Equal(sentAt.AddSeconds(30), time.GetUtcNow());
    }

    [Fact]
    public async Task Hundred_concurrent_callers_on_an_expired_token_cause_exactly_one_token_request()
    {
        // SEC-15
        var id = await SeedAsync(TimeSpan.FromMinutes(-1));
        _provider.OnToken("refresh_token", 200, """{"access_token":"fresh","expires_in":3600}""", delay: TimeSpan.FromMilliseconds(300));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => _engine.Refresher.GetAccessTokenAsync(id))));

        Assert.All(tokens, t => Assert.Equal("fresh", t));
        Assert.Single(_provider.TokenCalls("refresh_token"));
    }

    [Fact]
    public async Task Invalid_grant_marks_needs_reauthorization_and_stops_further_attempts()
    {
        // SEC-16
        var id = await SeedAsync(TimeSpan.FromMinutes(-1));
        _provider.OnToken("refresh_token", 400, """{"error":"invalid_grant","error_description":"Token has been expired or revoked."}""");

        var first = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Refresher.GetAccessTokenAsync(id));
        var second = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Refresher.GetAccessTokenAsync(id));
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        Assert.Equal(ConnectionsErrorKind.NeedsReauthorization, first.Kind);
        Assert.Equal(ConnectionRemedy.Reconnect, first.Problem.Remedy);
        Assert.Equal("sheets", first.LinkName);
        Assert.Contains("invalid_grant", first.Message);
        Assert.Equal(ConnectionsErrorKind.NeedsReauthorization, second.Kind);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, row!.Status);
        Assert.Contains("invalid_grant", row.LastError);
        Assert.Single(_provider.TokenCalls("refresh_token"));
    }

    [Fact]
    public async Task Server_error_keeps_the_refresh_token_and_backs_off_for_retry_after()
    {
        // SEC-16 / SEC-17
        var id = await SeedAsync(TimeSpan.FromMinutes(-1));
        _provider.OnToken("refresh_token", 503, "busy", "text/plain", headers: new Dictionary<string, string> { ["Retry-After"] = "120" });

        var first = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Refresher.GetAccessTokenAsync(id));
        var duringBackoff = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Refresher.GetAccessTokenAsync(id));
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);
        var callsDuringBackoff = _provider.TokenCalls("refresh_token").Count;
        _engine.Time.Advance(TimeSpan.FromSeconds(121));
        await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Refresher.GetAccessTokenAsync(id));

        Assert.Equal(ConnectionsErrorKind.Transient, first.Kind);
        Assert.Equal(ConnectionsErrorKind.Transient, duringBackoff.Kind);
        Assert.Equal(AuthorizationStatus.Connected, row!.Status);
        Assert.Equal("old-refresh", _engine.Decrypt(SecretKind.RefreshToken, row));
        Assert.True(row.NextRefreshAttemptAt >= _engine.Time.GetUtcNow().AddSeconds(-1), "backoff must honour Retry-After: 120");
        Assert.Equal(1, callsDuringBackoff);
        Assert.Equal(2, _provider.TokenCalls("refresh_token").Count);
    }

    [Fact]
    public async Task Token_endpoint_timeout_is_transient_and_keeps_the_refresh_token()
    {
        // SEC-16 / SEC-17
        _engine.Dispose();
        _engine = TestEngine.Create([_provider.Url], configure: s => s.Configure<ConnectionsOptions>(o => o.OutboundTimeout = TimeSpan.FromMilliseconds(300)), database: Database);
        var id = await SeedAsync(TimeSpan.FromMinutes(-1));
        _provider.OnToken("refresh_token", 200, """{"access_token":"slow","expires_in":3600}""", delay: TimeSpan.FromSeconds(3));

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Refresher.GetAccessTokenAsync(id));
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        Assert.Equal(ConnectionsErrorKind.Transient, ex.Kind);
        Assert.Contains("did not answer in time", ex.Message);
        Assert.Equal(AuthorizationStatus.Connected, row!.Status);
        Assert.Equal("old-refresh", _engine.Decrypt(SecretKind.RefreshToken, row));
        Assert.Null(row.RefreshLeaseId);
    }

    [Fact]
    public async Task Transient_failure_within_the_margin_keeps_serving_the_still_valid_token()
    {
        // SEC-16
        var id = await SeedAsync(TimeSpan.FromMinutes(2));
        _provider.OnToken("refresh_token", 500, "oops", "text/plain");

        var token = await _engine.Refresher.GetAccessTokenAsync(id);

        Assert.Equal("old-access", token);
    }

    [Fact]
    public void Backoff_grows_with_jitter_and_never_undercuts_retry_after()
    {
        // SEC-16
        var refresher = _engine.Refresher.Policy;

        var first = refresher.Backoff(1, null);
        var fifth = refresher.Backoff(5, null);
        var withRetryAfter = refresher.Backoff(1, TimeSpan.FromMinutes(3));

        Assert.InRange(first.TotalSeconds, 2.5, 5);
        Assert.InRange(fifth.TotalSeconds, 40, 80);
        Assert.Equal(TimeSpan.FromMinutes(3), withRetryAfter);
    }

    [Fact]
    public async Task Invalid_client_is_reported_as_a_service_configuration_error()
    {
        // SEC-16
        var id = await SeedAsync(TimeSpan.FromMinutes(-1));
        _provider.OnToken("refresh_token", 401, """{"error":"invalid_client"}""");

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Refresher.GetAccessTokenAsync(id));
        var service = await _engine.Catalog.FindAsync("fake_google");
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        Assert.True(ex.Kind == ConnectionsErrorKind.ServiceConfiguration, ex.Message);
        Assert.Equal(ConnectionRemedy.FixClientCredentials, ex.Problem.Remedy);
        Assert.Equal(ConnectionActor.Admin, ex.Problem.Actor);
        Assert.Contains("invalid_client", service!.ConfigurationError);
        Assert.Equal("old-refresh", _engine.Decrypt(SecretKind.RefreshToken, row!));
    }

    [Fact]
    public async Task Rotated_refresh_token_is_stored_and_kept_when_none_is_returned()
    {
        // SEC-7
        var id = await SeedAsync(TimeSpan.FromMinutes(-1));
        _provider.OnToken("refresh_token", 200, """{"access_token":"a2","refresh_token":"r2","expires_in":60,"scope":"sheets"}""");
        await _engine.Refresher.GetAccessTokenAsync(id);
        _provider.Server.Reset();
        _provider.OnToken("refresh_token", 200, """{"access_token":"a3","expires_in":3600}""");
        _engine.Time.Advance(TimeSpan.FromMinutes(2));

        var token = await _engine.Refresher.GetAccessTokenAsync(id);
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        Assert.Equal("a3", token);
        Assert.Equal("r2", QueryHelpers.ParseQuery(_provider.TokenCalls("refresh_token").Single().RequestMessage.Body!)["refresh_token"].ToString());
        Assert.Equal("r2", _engine.Decrypt(SecretKind.RefreshToken, row!));
        Assert.Equal(["sheets"], CatalogTestsHelpers.Scopes(row!));
    }

    [Fact]
    public async Task Lease_left_by_a_crashed_instance_expires_and_the_refresh_token_survives()
    {
        // SEC-17
        var id = await SeedAsync(TimeSpan.FromMinutes(-1));
        await using (var db = _engine.Db.CreateDbContext())
        {
            var row = await db.Set<ConnectionAuthorizationEntity>().SingleAsync(a => a.Id == id);
            row.RefreshLeaseId = Guid.NewGuid();
            row.RefreshLeaseExpiresAt = _engine.Time.GetUtcNow().AddSeconds(60);
            row.ConcurrencyToken = Guid.NewGuid();
            await db.SaveChangesAsync();
        }

        _engine.Time.Advance(TimeSpan.FromSeconds(61));
        _provider.OnToken("refresh_token", 200, """{"access_token":"after-crash","expires_in":3600}""");

        var token = await _engine.Refresher.GetAccessTokenAsync(id);
        var stored = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        Assert.Equal("after-crash", token);
        Assert.Null(stored!.RefreshLeaseId);
        Assert.Equal("old-refresh", _engine.Decrypt(SecretKind.RefreshToken, stored));
        Assert.Equal("old-refresh", QueryHelpers.ParseQuery(_provider.TokenCalls("refresh_token").Single().RequestMessage.Body!)["refresh_token"].ToString());
    }

    [Fact]
    public async Task Client_credentials_token_is_fetched_again_instead_of_refreshed()
    {
        await _engine.AddServiceAsync(TestServices.ClientCredentials(_provider));
        await _engine.CreateConnectionAsync("fake_m2m", "m2m");
        _provider.OnToken("client_credentials", 200, """{"access_token":"m2m-1","expires_in":600}""");
        await _engine.Flow.AuthorizeWithClientCredentialsAsync("m2m", TestEngine.Owner);
        var row = await _engine.ReadAuthorizationAsync("m2m", TestEngine.Owner);
        _engine.Time.Advance(TimeSpan.FromMinutes(6));

        var token = await _engine.Refresher.GetAccessTokenAsync(row!.Id);

        Assert.Equal("m2m-1", token);
        Assert.Equal(2, _provider.TokenCalls("client_credentials").Count);
        Assert.StartsWith("Basic ", _provider.TokenCalls("client_credentials")[0].RequestMessage.Headers!["Authorization"].Single());
        Assert.Null(row.RefreshTokenCiphertext);
    }

    private async Task<Guid> SeedAsync(TimeSpan expiresIn, Catalog.ServiceDescriptor? service = null)
    {
        await _engine.AddServiceAsync(service ?? TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "sheets");
        return await _engine.SeedTokensAsync("sheets", TestEngine.Owner, "old-access", "old-refresh", _engine.Time.GetUtcNow() + expiresIn);
    }
}

/// <summary>The cases above on SQLite.</summary>
public sealed class TokenRefreshTests() : TokenRefreshCases(TestDatabaseKind.Sqlite);

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class TokenRefreshOnPostgreSqlTests() : TokenRefreshCases(TestDatabaseKind.PostgreSQL);
