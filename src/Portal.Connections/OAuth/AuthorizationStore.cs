using Microsoft.EntityFrameworkCore;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Security;

namespace Portal.Connections.OAuth;

/// <summary>Writes credentials into the (connection, user) row, encrypted with the row id as purpose (SEC-18).</summary>
internal sealed class AuthorizationStore(IConnectionsDbContextFactory dbFactory, SecretProtector protector, TimeProvider time)
{
    public async Task<ConnectionAuthorizationEntity> SaveTokensAsync(Guid connectionId, string userId, TokenOutcome tokens, IReadOnlyList<string> requestedScopes, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var row = await GetOrCreateAsync(db, connectionId, userId, ct);
        var previousRefresh = protector.UnprotectOptional(SecretKind.RefreshToken, row.Id, row.RefreshTokenCiphertext);
        TokenInvalidation.Clear(row, AuthorizationStatus.Connected, null);
        var now = time.GetUtcNow();
        row.AccessTokenCiphertext = protector.Protect(SecretKind.AccessToken, row.Id, tokens.AccessToken!);
        row.RefreshTokenCiphertext = protector.ProtectOptional(SecretKind.RefreshToken, row.Id, tokens.RefreshToken ?? previousRefresh);
        row.ExpiresAt = tokens.ExpiresAt;
        row.GrantedScopesJson = CatalogJson.WriteList(tokens.GrantedScopes ?? requestedScopes);
        row.ProviderAccount = tokens.ProviderAccount ?? row.ProviderAccount;
        row.ApiDomain = tokens.ApiDomain ?? row.ApiDomain;
        row.AuthorizedAt = now;
        row.LastRefreshedAt = now;
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Stores API-key parameters (JSON) or a Basic password.</summary>
    public async Task<ConnectionAuthorizationEntity> SaveSecretAsync(Guid connectionId, string userId, string? userName, string secret, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var row = await GetOrCreateAsync(db, connectionId, userId, ct);
        TokenInvalidation.Clear(row, AuthorizationStatus.Connected, null);
        row.UserName = userName;
        row.SecretCiphertext = protector.Protect(SecretKind.ApiSecret, row.Id, secret);
        row.AuthorizedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return row;
    }

    private static async Task<ConnectionAuthorizationEntity> GetOrCreateAsync(DbContext db, Guid connectionId, string userId, CancellationToken ct)
    {
        var row = await db.Set<ConnectionAuthorizationEntity>().SingleOrDefaultAsync(a => a.ConnectionId == connectionId && a.UserId == userId, ct);
        if (row is null)
        {
            row = new ConnectionAuthorizationEntity { Id = Guid.NewGuid(), ConnectionId = connectionId, UserId = userId };
            db.Add(row);
        }

        return row;
    }
}
