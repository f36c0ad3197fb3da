using Microsoft.AspNetCore.WebUtilities;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.Security;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public abstract class RevokeAndInvalidationCases : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly TestEngine _engine;

    protected RevokeAndInvalidationCases(TestDatabaseKind database)
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
    public async Task Revoke_calls_the_providers_revocation_endpoint_and_deletes_the_ciphertext()
    {
        // SEC-8
        await SeedAsync();
        _provider.OnRevoke();

        var revoked = await _engine.Connections.RevokeAsync("sheets", TestEngine.Developer());
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        Assert.True(revoked);
        var body = QueryHelpers.ParseQuery(_provider.Calls("/revoke").Single().RequestMessage.Body!);
        Assert.Equal("r-1", body["token"].ToString());
        Assert.Equal("refresh_token", body["token_type_hint"].ToString());
        Assert.Equal(AuthorizationStatus.Revoked, row!.Status);
        Assert.Null(row.AccessTokenCiphertext);
        Assert.Null(row.RefreshTokenCiphertext);
        Assert.Contains(_engine.Audit.Events, e => e.Type == ConnectionsAuditEventTypes.ConnectionRevoked);
    }

    [Fact]
    public async Task Local_ciphertext_is_deleted_even_when_the_provider_is_down()
    {
        // SEC-8
        await SeedAsync();
        _provider.OnRevoke(503);

        await _engine.Connections.RevokeAsync("sheets", TestEngine.Developer());
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        Assert.Single(_provider.Calls("/revoke"));
        Assert.Null(row!.AccessTokenCiphertext);
        Assert.Null(row.RefreshTokenCiphertext);
    }

    [Fact]
    public async Task Delete_revokes_every_users_authorization_and_removes_the_rows()
    {
        // SEC-8
        await SeedAsync(ConnectionMode.LoginUserCredentials);
        await _engine.SeedTokensAsync("sheets", "user-b", "a-b", "r-b", null);
        _provider.Server.Stop();

        var result = await _engine.Connections.DeleteAsync("sheets", TestEngine.Developer(), force: false);

        Assert.True(result.Deleted);
        Assert.Equal(0, result.RevokedAtProvider);
        await using var db = _engine.Db.CreateDbContext();
        Assert.Empty(db.Set<ConnectionAuthorizationEntity>());
        Assert.Empty(db.Set<ConnectionEntity>());
        Assert.Contains(_engine.Audit.Events, e => e.Type == ConnectionsAuditEventTypes.ConnectionDeleted);
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_may_delete()
    {
        await SeedAsync(ConnectionMode.LoginUserCredentials);

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Connections.DeleteAsync("sheets", TestEngine.PlainUser("user-b"), true));
        var admin = await _engine.Connections.DeleteAsync("sheets", TestEngine.AdminUser, true);

        Assert.Equal(ConnectionsErrorKind.Forbidden, ex.Kind);
        Assert.True(admin.Deleted);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("authorize")]
    [InlineData("refresh")]
    [InlineData("revoke")]
    [InlineData("hosts")]
    [InlineData("client")]
    public async Task Editing_endpoints_client_id_or_hosts_invalidates_every_users_tokens(string change)
    {
        // SEC-11
        var service = await SeedAsync(ConnectionMode.LoginUserCredentials);
        await _engine.SeedTokensAsync("sheets", "user-b", "a-b", "r-b", null);
        var edited = change switch
        {
            "token" => service with { TokenUrl = "https://evil.example/token" },
            "authorize" => service with { AuthorizeUrl = "https://evil.example/authorize" },
            "refresh" => service with { RefreshUrl = "https://evil.example/refresh" },
            "revoke" => service with { RevokeUrl = "https://evil.example/revoke" },
            "hosts" => service with { AllowedApiBaseUrls = [.. service.AllowedApiBaseUrls, "https://evil.example/"] },
            _ => service,
        };

        var result = await _engine.Catalog.UpdateCustomAsync(edited, change == "client" ? "client-2" : "client-1", null, true, TestEngine.AdminUser);
        var owner = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);
        var userB = await _engine.ReadAuthorizationAsync("sheets", "user-b");

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.InvalidatedAuthorizations);
        Assert.All([owner!, userB!], row =>
        {
            Assert.Equal(AuthorizationStatus.NeedsReauthorization, row.Status);
            Assert.Null(row.AccessTokenCiphertext);
            Assert.Null(row.RefreshTokenCiphertext);
        });
        Assert.Empty(_provider.Calls("/token"));
        Assert.Contains(_engine.Audit.Events, e => e.Type == ConnectionsAuditEventTypes.ServiceEdited && e.Detail!.Contains("2 authorization", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cosmetic_edit_keeps_tokens()
    {
        // SEC-11
        var service = await SeedAsync();

        var result = await _engine.Catalog.UpdateCustomAsync(service with { DisplayName = "Renamed", Description = "new" }, "client-1", null, true, TestEngine.AdminUser);
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        Assert.Equal(0, result.InvalidatedAuthorizations);
        Assert.Equal(AuthorizationStatus.Connected, row!.Status);
        Assert.Equal("a-1", _engine.Decrypt(SecretKind.AccessToken, row));
    }

    [Fact]
    public async Task Editing_a_default_services_client_id_invalidates_its_tokens()
    {
        // SEC-11
        await _engine.Catalog.ConfigureDefaultAsync("github", new DefaultServiceSettings { ClientId = "gh-1", ClientSecret = "s" }, TestEngine.Admin);
        await _engine.CreateConnectionAsync("github", "gh");
        await _engine.SeedTokensAsync("gh", TestEngine.Owner, "gho", null, null);

        var result = await _engine.Catalog.ConfigureDefaultAsync("github", new DefaultServiceSettings { ClientId = "gh-2" }, TestEngine.Admin);
        var row = await _engine.ReadAuthorizationAsync("gh", TestEngine.Owner);

        Assert.Equal(1, result.InvalidatedAuthorizations);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, row!.Status);
        Assert.True((await _engine.Catalog.FindAsync("github"))!.HasClientSecret);
    }

    [Fact]
    public async Task Invalidated_connection_tells_the_runner_to_reconnect()
    {
        // SEC-11
        var service = await SeedAsync();
        await _engine.Catalog.UpdateCustomAsync(service with { TokenUrl = _provider.Url + "/token2" }, "client-1", null, true, TestEngine.AdminUser);

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Resolver.ResolveAsync("sheets", TestEngine.Owner, new Uri(_provider.ApiBase + "x")));

        Assert.Equal(ConnectionsErrorKind.NeedsReauthorization, ex.Kind);
        Assert.Equal(new ConnectionProblem(ConnectionsErrorKind.NeedsReauthorization, ConnectionRemedy.Reconnect) { LinkName = "sheets" }, ex.Problem);
        Assert.Empty(_provider.Calls("/token2"));
    }

    [Fact]
    public async Task Tokens_from_a_refresh_in_flight_during_an_endpoint_edit_are_discarded()
    {
        // SEC-11 / SEC-17
        var service = TestServices.GoogleStyle(_provider);
        await _engine.AddServiceAsync(service);
        await _engine.CreateConnectionAsync("fake_google", "sheets");
        await _engine.SeedTokensAsync("sheets", TestEngine.Owner, "a-1", "r-1", _engine.Time.GetUtcNow().AddMinutes(-1));
        _provider.OnToken("refresh_token", 200, """{"access_token":"late","refresh_token":"r-late","expires_in":3600}""", delay: TimeSpan.FromSeconds(1));
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        var refresh = _engine.Refresher.GetAccessTokenAsync(row!.Id);
        for (var i = 0; i < 200 && (await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner))!.RefreshLeaseId is null; i++)
        {
            await Task.Delay(10);
        }

        await _engine.Catalog.UpdateCustomAsync(service with { TokenUrl = _provider.Url + "/token-v2" }, "client-1", null, true, TestEngine.AdminUser);
        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => refresh);
        var after = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);

        Assert.Equal(ConnectionsErrorKind.NeedsReauthorization, ex.Kind);
        Assert.Equal(AuthorizationStatus.NeedsReauthorization, after!.Status);
        Assert.Null(after.AccessTokenCiphertext);
        Assert.Null(after.RefreshTokenCiphertext);
    }

    private async Task<Catalog.ServiceDescriptor> SeedAsync(ConnectionMode mode = ConnectionMode.OwnerCredentials)
    {
        var service = TestServices.GoogleStyle(_provider);
        await _engine.AddServiceAsync(service);
        await _engine.CreateConnectionAsync("fake_google", "sheets", mode);
        await _engine.SeedTokensAsync("sheets", TestEngine.Owner, "a-1", "r-1", _engine.Time.GetUtcNow().AddHours(1));
        return service;
    }
}

/// <summary>The cases above on SQLite.</summary>
public sealed class RevokeAndInvalidationTests() : RevokeAndInvalidationCases(TestDatabaseKind.Sqlite);

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class RevokeAndInvalidationOnPostgreSqlTests() : RevokeAndInvalidationCases(TestDatabaseKind.PostgreSQL);
