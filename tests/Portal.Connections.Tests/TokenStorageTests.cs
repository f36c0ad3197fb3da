using System.Security.Cryptography;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Security;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public abstract class TokenStorageCases : IDisposable
{
    private const string Canary = "CANARY-ACCESS-7f3d9a";
    private readonly TestEngine _engine;

    protected TokenStorageCases(TestDatabaseKind database)
    {
        Database = database;
        _engine = TestEngine.Create(database: database);
    }

    protected TestDatabaseKind Database { get; }

    public void Dispose()
    {
        _engine.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Raw_token_columns_hold_ciphertext_only()
    {
        // SEC-18
        await _engine.AddServiceAsync(TestServices.ExampleApi("https://auth.example.com/token"));
        await _engine.CreateConnectionAsync("example", "ex");
        var id = await _engine.SeedTokensAsync("ex", TestEngine.Owner, Canary, "REFRESH-" + Canary, null);

        var rawAccess = _engine.Db.ReadRaw("ConnectionAuthorizations", "AccessTokenCiphertext", id);
        var rawRefresh = _engine.Db.ReadRaw("ConnectionAuthorizations", "RefreshTokenCiphertext", id);

        Assert.False(string.IsNullOrEmpty(rawAccess));
        Assert.False(string.IsNullOrEmpty(rawRefresh));
        Assert.DoesNotContain(_engine.Db.DumpAllText(), cell => cell.Contains(Canary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decrypting_with_another_rows_purpose_fails()
    {
        // SEC-18
        await _engine.AddServiceAsync(TestServices.ExampleApi("https://auth.example.com/token"));
        await _engine.CreateConnectionAsync("example", "ex");
        var id = await _engine.SeedTokensAsync("ex", TestEngine.Owner, Canary, null, null);
        var other = await _engine.SeedTokensAsync("ex", "user-b", "other", null, null);
        var raw = _engine.Db.ReadRaw("ConnectionAuthorizations", "AccessTokenCiphertext", id)!;

        var own = _engine.Protector.Unprotect(SecretKind.AccessToken, id, raw);
        var otherRow = () => _engine.Protector.Unprotect(SecretKind.AccessToken, other, raw);
        var otherKind = () => _engine.Protector.Unprotect(SecretKind.RefreshToken, id, raw);

        Assert.Equal(Canary, own);
        Assert.ThrowsAny<CryptographicException>(otherRow);
        Assert.ThrowsAny<CryptographicException>(otherKind);
    }

    [Fact]
    public async Task Client_secrets_and_api_keys_are_ciphertext_in_the_database()
    {
        // SEC-18
        await _engine.AddServiceAsync(TestServices.ApiKey("https://api.example.com/"), clientId: null, clientSecret: "CLIENT-" + Canary);
        await _engine.CreateConnectionAsync("fake_apikey", "keyed");

        await _engine.Flow.AuthorizeWithApiKeyAsync("keyed", TestEngine.Owner, new Dictionary<string, string> { ["X-Api-Key"] = "KEY-" + Canary, ["api_token"] = "Q-" + Canary });
        var row = await _engine.ReadAuthorizationAsync("keyed", TestEngine.Owner);

        Assert.Equal(AuthorizationStatus.Connected, row!.Status);
        Assert.Contains("KEY-" + Canary, _engine.Decrypt(SecretKind.ApiSecret, row));
        Assert.DoesNotContain(_engine.Db.DumpAllText(), cell => cell.Contains(Canary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_api_key_parameter_is_named_in_the_error()
    {
        await _engine.AddServiceAsync(TestServices.ApiKey("https://api.example.com/"));
        await _engine.CreateConnectionAsync("fake_apikey", "keyed");

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() =>
            _engine.Flow.AuthorizeWithApiKeyAsync("keyed", TestEngine.Owner, new Dictionary<string, string> { ["X-Api-Key"] = "k" }));

        Assert.Contains("api_token", ex.Message);
        Assert.Contains("keyed", ex.Message);
        Assert.Equal(ServiceAuthType.ApiKey, (await _engine.Catalog.FindAsync("fake_apikey"))!.Descriptor.AuthType);
    }
}

/// <summary>The cases above on SQLite.</summary>
public sealed class TokenStorageTests() : TokenStorageCases(TestDatabaseKind.Sqlite);

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class TokenStorageOnPostgreSqlTests() : TokenStorageCases(TestDatabaseKind.PostgreSQL);
