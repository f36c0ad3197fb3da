using Microsoft.EntityFrameworkCore;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Connections.Security;

namespace Portal.Connections.Tokens;

/// <summary>
/// Where tokens live: an authorization row read with its connection and service, its secrets decrypted on demand, and every
/// write a refresh makes (the cross-instance lease, the new tokens in one save, a failure and its backoff).
/// </summary>
internal sealed class TokenStore(IConnectionsDbContextFactory db, ConnectionLookup lookup, SecretProtector protector)
{
    /// <summary>The row (tracked, so a refresh can write it), its connection and its service; for the length of one attempt.</summary>
    public async Task<TokenRow> OpenAsync(Guid authorizationId, bool track, CancellationToken ct)
    {
        var context = db.CreateDbContext();
        try
        {
            var rows = context.Set<ConnectionAuthorizationEntity>();
            var row = await (track ? rows : rows.AsNoTracking()).SingleOrDefaultAsync(a => a.Id == authorizationId, ct)
                ?? throw new ConnectionsException(new ConnectionProblem(ConnectionsErrorKind.NotAuthorized, ConnectionRemedy.Connect),
                    "The authorization was removed.");
            var connection = await lookup.FindAsync(row.ConnectionId, ct)
                ?? throw new ConnectionsException(ConnectionsErrorKind.NotFound, "The connection was deleted.");
            return new TokenRow(context, row, connection, await lookup.ServiceForAsync(connection, ct), protector);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }
}

/// <summary>One authorization row as one refresh attempt sees it.</summary>
internal sealed class TokenRow(DbContext db, ConnectionAuthorizationEntity row, ConnectionEntity connection, ServiceRuntime service, SecretProtector protector) : IAsyncDisposable
{
    public ConnectionAuthorizationEntity Row { get; private set; } = row;

    public ConnectionEntity Connection { get; } = connection;

    public ServiceRuntime Service { get; } = service;

    public string? AccessToken() => protector.UnprotectOptional(SecretKind.AccessToken, Row.Id, Row.AccessTokenCiphertext);

    public string? RefreshToken() => protector.UnprotectOptional(SecretKind.RefreshToken, Row.Id, Row.RefreshTokenCiphertext);

    /// <summary>Takes the refresh lease for every instance (optimistic: false when another caller changed the row first).</summary>
    public async Task<bool> TryTakeLeaseAsync(DateTimeOffset until, CancellationToken ct)
    {
        Row.RefreshLeaseId = Guid.NewGuid();
        Row.RefreshLeaseExpiresAt = until;
        Row.ConcurrencyToken = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// The new tokens and the lease released in one save (SEC-17); the old refresh token is kept unless a new one was issued
    /// (SEC-7). When the row changed meanwhile, <paramref name="stillUsable"/> decides on the fresh row (an admin's edit or a
    /// revoke wins, SEC-11); otherwise our tokens are the newest (rotation).
    /// </summary>
    public async Task SaveTokensAsync(TokenOutcome outcome, DateTimeOffset now, Action<ConnectionAuthorizationEntity> stillUsable, CancellationToken ct)
    {
        Release();
        Apply(outcome, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await db.Entry(Row).ReloadAsync(ct);
            stillUsable(Row);
            Apply(outcome, now);
            Release();
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The provider will not refresh: the tokens are dropped and the user must authorize again.</summary>
    public async Task InvalidateAsync(string reason, CancellationToken ct)
    {
        Release();
        TokenInvalidation.Clear(Row, AuthorizationStatus.NeedsReauthorization, reason);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A failed refresh: why, and not before <paramref name="nextAttempt"/>; <paramref name="counts"/> grows the backoff.</summary>
    public async Task SaveFailureAsync(string error, DateTimeOffset nextAttempt, bool counts, CancellationToken ct)
    {
        Release();
        if (counts)
        {
            Row.RefreshFailureCount++;
        }

        Row.LastError = error;
        Row.NextRefreshAttemptAt = nextAttempt;
        await db.SaveChangesAsync(ct);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();

    private void Release()
    {
        Row.RefreshLeaseId = null;
        Row.RefreshLeaseExpiresAt = null;
        Row.ConcurrencyToken = Guid.NewGuid();
    }

    private void Apply(TokenOutcome outcome, DateTimeOffset now)
    {
        Row.AccessTokenCiphertext = protector.Protect(SecretKind.AccessToken, Row.Id, outcome.AccessToken!);
        if (outcome.RefreshToken is not null)
        {
            Row.RefreshTokenCiphertext = protector.Protect(SecretKind.RefreshToken, Row.Id, outcome.RefreshToken);
        }

        Row.ExpiresAt = outcome.ExpiresAt;
        if (outcome.GrantedScopes is not null)
        {
            Row.GrantedScopesJson = CatalogJson.WriteList(outcome.GrantedScopes);
        }

        Row.ApiDomain = outcome.ApiDomain ?? Row.ApiDomain;
        Row.LastRefreshedAt = now;
        Row.LastError = null;
        Row.RefreshFailureCount = 0;
        Row.NextRefreshAttemptAt = null;
    }
}
