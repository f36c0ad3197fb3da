using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Connections.Security;

namespace Portal.Connections.Tokens;

/// <summary>Returns valid access tokens, refreshing proactively and single-flight per authorization (SEC-14…17).</summary>
public sealed class TokenRefresher
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<string>>> _inflight = new();
    private readonly IConnectionsDbContextFactory _db;
    private readonly ConnectionLookup _lookup;
    private readonly ProviderClient _provider;
    private readonly ServiceCatalog _catalog;
    private readonly SecretProtector _protector;
    private readonly TimeProvider _time;
    private readonly ConnectionsOptions _options;
    private readonly ILogger<TokenRefresher> _logger;

    internal TokenRefresher(IConnectionsDbContextFactory db, ConnectionLookup lookup, ProviderClient provider, ServiceCatalog catalog,
        SecretProtector protector, TimeProvider time, IOptions<ConnectionsOptions> options, ILogger<TokenRefresher> logger)
    {
        (_db, _lookup, _provider, _catalog, _protector, _time, _options, _logger) = (db, lookup, provider, catalog, protector, time, options.Value, logger);
    }

    /// <summary>The current access token, refreshed first when less than the margin remains.</summary>
    public async Task<string> GetAccessTokenAsync(Guid authorizationId, CancellationToken ct = default)
    {
        var (row, connection, service) = await LoadAsync(authorizationId, ct);
        EnsureConnected(row, connection);
        if (!NeedsRefresh(row, service, RefreshReason.Proactive, null))
        {
            return _protector.Unprotect(SecretKind.AccessToken, row.Id, row.AccessTokenCiphertext!);
        }

        return await SingleFlightAsync(authorizationId, RefreshReason.Proactive, null, ct);
    }

    /// <summary>Whether <paramref name="row"/>'s token is due for its proactive refresh (less than the margin left, SEC-14).</summary>
    internal bool NeedsProactiveRefresh(ConnectionAuthorizationEntity row, ServiceRuntime service) => NeedsRefresh(row, service, RefreshReason.Proactive, null);

    /// <summary>
    /// For a caller whose cached row says the token is due: straight into the single flight (SEC-15), which re-reads the row
    /// and refreshes only if it still has to, without every waiter first reading the row itself.
    /// </summary>
    internal Task<string> RefreshStaleAsync(Guid authorizationId, CancellationToken ct = default) =>
        SingleFlightAsync(authorizationId, RefreshReason.Proactive, null, ct);

    /// <summary>After an API 401: refresh unless someone already replaced <paramref name="rejectedAccessToken"/> (SEC-14).</summary>
    public Task<string> RefreshAfterUnauthorizedAsync(Guid authorizationId, string rejectedAccessToken, CancellationToken ct = default) =>
        SingleFlightAsync(authorizationId, RefreshReason.Rejected, rejectedAccessToken, ct);

    /// <summary>Refreshes authorizations neither used nor refreshed for <see cref="ConnectionsOptions.IdleRefreshAfter"/>, so refresh tokens don't lapse.</summary>
    public async Task<int> RefreshIdleAuthorizationsAsync(CancellationToken ct = default)
    {
        var now = _time.GetUtcNow();
        List<ConnectionAuthorizationEntity> rows;
        await using (var db = _db.CreateDbContext())
        {
            // Filtered in memory: SQLite cannot compare DateTimeOffset columns.
            rows = await db.Set<ConnectionAuthorizationEntity>().AsNoTracking()
                .Where(a => a.Status == AuthorizationStatus.Connected && a.RefreshTokenCiphertext != null).ToListAsync(ct);
            var expiredStates = (await db.Set<OAuthFlowStateEntity>().ToListAsync(ct)).Where(s => s.ExpiresAt < now).ToList();
            db.RemoveRange(expiredStates);
            await db.SaveChangesAsync(ct);
        }

        var refreshed = 0;
        foreach (var row in rows.Where(r => IsIdle(r, now) && !(r.NextRefreshAttemptAt > now)))
        {
            try
            {
                await SingleFlightAsync(row.Id, RefreshReason.Idle, null, ct);
                refreshed++;
            }
            catch (ConnectionsException ex)
            {
                _logger.LogWarning("Background refresh of authorization {Authorization} failed: {Message}", row.Id, ex.Message);
            }
        }

        return refreshed;
    }

    private bool IsIdle(ConnectionAuthorizationEntity r, DateTimeOffset now) =>
        (r.LastUsedAt ?? r.AuthorizedAt ?? DateTimeOffset.MinValue) <= now - _options.IdleRefreshAfter &&
        (r.LastRefreshedAt ?? r.AuthorizedAt ?? DateTimeOffset.MinValue) <= now - _options.IdleRefreshAfter;

    private async Task<string> SingleFlightAsync(Guid id, RefreshReason reason, string? rejected, CancellationToken ct)
    {
        var lazy = _inflight.GetOrAdd(id, key => new Lazy<Task<string>>(() => RefreshCoreAsync(key, reason, rejected)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        finally
        {
            _inflight.TryRemove(new KeyValuePair<Guid, Lazy<Task<string>>>(id, lazy));
        }
    }

    private async Task<string> RefreshCoreAsync(Guid id, RefreshReason reason, string? rejected)
    {
        await Task.Yield();
        var ct = CancellationToken.None; // shared by every waiter; bounded by the HttpClient timeout instead
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var db = _db.CreateDbContext();
            var row = await db.Set<ConnectionAuthorizationEntity>().SingleOrDefaultAsync(a => a.Id == id, ct)
                ?? throw new ConnectionsException(ConnectionsErrorKind.NotAuthorized, "The authorization was removed; authorize the connection again.");
            var connection = await _lookup.FindAsync(row.ConnectionId, ct)
                ?? throw new ConnectionsException(ConnectionsErrorKind.NotFound, "The connection was deleted.");
            var service = await _lookup.ServiceForAsync(connection, ct);
            EnsureConnected(row, connection);
            var now = _time.GetUtcNow();

            // Re-read after entering: another caller or instance may have refreshed already (SEC-15).
            if (!NeedsRefresh(row, service, reason, rejected))
            {
                return _protector.Unprotect(SecretKind.AccessToken, row.Id, row.AccessTokenCiphertext!);
            }

            var stillValid = row.ExpiresAt is { } exp && exp > now && reason != RefreshReason.Rejected;
            if (row.NextRefreshAttemptAt > now)
            {
                return stillValid
                    ? _protector.Unprotect(SecretKind.AccessToken, row.Id, row.AccessTokenCiphertext!)
                    : throw Transient(connection, row.NextRefreshAttemptAt.Value - now);
            }

            var refreshToken = _protector.UnprotectOptional(SecretKind.RefreshToken, row.Id, row.RefreshTokenCiphertext);
            if (refreshToken is null && service.Descriptor.AuthType != ServiceAuthType.OAuth2ClientCredentials)
            {
                if (stillValid)
                {
                    return _protector.Unprotect(SecretKind.AccessToken, row.Id, row.AccessTokenCiphertext!);
                }

                var why = reason == RefreshReason.Rejected ? "the provider rejected its access token" : "its access token expired";
                TokenInvalidation.Clear(row, AuthorizationStatus.NeedsReauthorization, $"{why} and the provider issued no refresh token.");
                await db.SaveChangesAsync(ct);
                throw NeedsReauthorization(connection, $"{why} and the provider issued no refresh token");
            }

            if (row.RefreshLeaseId is not null && row.RefreshLeaseExpiresAt > now)
            {
                await Task.Delay(100, ct); // another instance holds the lease; poll the row
                continue;
            }

            row.RefreshLeaseId = Guid.NewGuid();
            row.RefreshLeaseExpiresAt = now + _options.RefreshLeaseDuration;
            row.ConcurrencyToken = Guid.NewGuid();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // lost the race for the lease: re-read
            }

            var outcome = service.Descriptor.AuthType == ServiceAuthType.OAuth2ClientCredentials
                ? await _provider.ClientCredentialsAsync(service, ConnectionLookup.Scopes(connection), ct)
                : await _provider.RefreshAsync(service, refreshToken!, ct);
            return await ApplyOutcomeAsync(db, row, connection, service, outcome, ct);
        }

        throw new ConnectionsException(ConnectionsErrorKind.Transient, "Another portal instance is still refreshing this connection's token; try again in a minute.");
    }

    private async Task<string> ApplyOutcomeAsync(DbContext db, ConnectionAuthorizationEntity row, ConnectionEntity connection, ServiceRuntime service, TokenOutcome outcome, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        row.RefreshLeaseId = null;
        row.RefreshLeaseExpiresAt = null;
        row.ConcurrencyToken = Guid.NewGuid();
        switch (outcome.Kind)
        {
            case TokenOutcomeKind.Success:
                ApplySuccess(row, outcome, now);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Someone changed the row meanwhile. An admin edit (SEC-11) or revoke wins; otherwise our tokens are the newest (rotation).
                    await db.Entry(row).ReloadAsync(ct);
                    EnsureConnected(row, connection);
                    ApplySuccess(row, outcome, now);
                    row.RefreshLeaseId = null;
                    row.RefreshLeaseExpiresAt = null;
                    row.ConcurrencyToken = Guid.NewGuid();
                    await db.SaveChangesAsync(ct);
                }

                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Refreshed the token of connection {Connection} for user {User}", connection.LinkName, row.UserId);
                }

                return outcome.AccessToken!;
            case TokenOutcomeKind.InvalidGrant:
                TokenInvalidation.Clear(row, AuthorizationStatus.NeedsReauthorization, $"The provider rejected the refresh token ({outcome.Problem}).");
                await db.SaveChangesAsync(ct);
                throw NeedsReauthorization(connection, $"the provider rejected the refresh token ({outcome.Problem})");
            case TokenOutcomeKind.InvalidClient:
                row.LastError = $"Service configuration error: {outcome.Problem}.";
                row.NextRefreshAttemptAt = now + _options.MaxRefreshBackoff;
                await db.SaveChangesAsync(ct);
                await _catalog.RecordConfigurationErrorAsync(service.Descriptor.Id, $"Token refresh failed: {outcome.Problem}. Check the client id and secret.", ct);
                throw new ConnectionsException(ConnectionsErrorKind.ServiceConfiguration,
                    $"Connection '{connection.LinkName}' cannot refresh its token because {service.Descriptor.DisplayName} rejected the portal's client credentials ({outcome.Problem}). An admin must fix the client id/secret in Setup › Users & Control › Services.", connection.LinkName);
            default:
                row.RefreshFailureCount++;
                var delay = Backoff(row.RefreshFailureCount, outcome.RetryAfter);
                row.NextRefreshAttemptAt = now + delay;
                row.LastError = $"Token refresh failed temporarily: {outcome.Problem}.";
                await db.SaveChangesAsync(ct);
                if (row.ExpiresAt is { } exp && exp > now)
                {
                    return _protector.Unprotect(SecretKind.AccessToken, row.Id, row.AccessTokenCiphertext!);
                }

                throw Transient(connection, delay, outcome.Problem);
        }
    }

    // SEC-7: keep the old refresh token unless a new one was issued; one SaveChanges = no half-written row (SEC-17).
    private void ApplySuccess(ConnectionAuthorizationEntity row, TokenOutcome outcome, DateTimeOffset now)
    {
        row.AccessTokenCiphertext = _protector.Protect(SecretKind.AccessToken, row.Id, outcome.AccessToken!);
        if (outcome.RefreshToken is not null)
        {
            row.RefreshTokenCiphertext = _protector.Protect(SecretKind.RefreshToken, row.Id, outcome.RefreshToken);
        }

        row.ExpiresAt = outcome.ExpiresAt;
        if (outcome.GrantedScopes is not null)
        {
            row.GrantedScopesJson = CatalogJson.WriteList(outcome.GrantedScopes);
        }

        row.ApiDomain = outcome.ApiDomain ?? row.ApiDomain;
        row.LastRefreshedAt = now;
        row.LastError = null;
        row.RefreshFailureCount = 0;
        row.NextRefreshAttemptAt = null;
    }

    /// <summary>Exponential backoff with jitter, never shorter than the provider's Retry-After (SEC-16).</summary>
    internal TimeSpan Backoff(int failures, TimeSpan? retryAfter)
    {
        var baseSeconds = Math.Min(_options.MaxRefreshBackoff.TotalSeconds, 5 * Math.Pow(2, Math.Min(failures - 1, 16)));
        var jittered = TimeSpan.FromSeconds(baseSeconds * (0.5 + (Random.Shared.NextDouble() / 2)));
        return retryAfter is { } ra && ra > jittered ? ra : jittered;
    }

    private bool NeedsRefresh(ConnectionAuthorizationEntity row, ServiceRuntime service, RefreshReason reason, string? rejected)
    {
        var now = _time.GetUtcNow();
        return reason switch
        {
            RefreshReason.Rejected => row.AccessTokenCiphertext is null ||
                _protector.Unprotect(SecretKind.AccessToken, row.Id, row.AccessTokenCiphertext) == rejected,
            RefreshReason.Idle => IsIdle(row, now),
            _ => row.AccessTokenCiphertext is null || (row.ExpiresAt is { } exp &&
                exp - now <= (service.Descriptor.RefreshMarginSeconds is { } s ? TimeSpan.FromSeconds(s) : _options.RefreshMargin)),
        };
    }

    private async Task<(ConnectionAuthorizationEntity, ConnectionEntity, ServiceRuntime)> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var db = _db.CreateDbContext();
        var row = await db.Set<ConnectionAuthorizationEntity>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new ConnectionsException(ConnectionsErrorKind.NotAuthorized, "The authorization was removed; authorize the connection again.");
        var connection = await _lookup.FindAsync(row.ConnectionId, ct)
            ?? throw new ConnectionsException(ConnectionsErrorKind.NotFound, "The connection was deleted.");
        return (row, connection, await _lookup.ServiceForAsync(connection, ct));
    }

    private static void EnsureConnected(ConnectionAuthorizationEntity row, ConnectionEntity connection)
    {
        if (row.Status == AuthorizationStatus.NeedsReauthorization)
        {
            throw NeedsReauthorization(connection, row.LastError ?? "its authorization is no longer valid");
        }

        if (row.Status != AuthorizationStatus.Connected)
        {
            throw new ConnectionsException(ConnectionsErrorKind.NotAuthorized,
                $"Connection '{connection.LinkName}' is not authorized. Open /connections/{connection.LinkName} and click Connect.", connection.LinkName);
        }
    }

    private static ConnectionsException NeedsReauthorization(ConnectionEntity c, string why) =>
        new(ConnectionsErrorKind.NeedsReauthorization,
            $"Connection '{c.LinkName}' needs to be authorized again: {why.TrimEnd('.')}. Open /connections/{c.LinkName} and click Reconnect.", c.LinkName);

    private static ConnectionsException Transient(ConnectionEntity c, TimeSpan wait, string? problem = null) =>
        new(ConnectionsErrorKind.Transient,
            $"Connection '{c.LinkName}' could not refresh its token{(problem is null ? "" : $" ({problem})")}; the portal retries automatically in about {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s. Try again then.", c.LinkName);
}
