using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.OAuth;

namespace Portal.Connections.Tokens;

/// <summary>
/// Returns valid access tokens (SEC-14…17): <see cref="RefreshPolicy"/> says when a token is due, <see cref="SingleFlight{TKey,TResult}"/>
/// makes one refresh per authorization in this process, the lease in <see cref="TokenStore"/>'s row one across instances, and
/// this class turns the provider's answer into the row's next state and the caller's token or problem.
/// </summary>
internal sealed class TokenRefresher
{
    private readonly SingleFlight<Guid, string> _flights = new();
    private readonly IConnectionsDbContextFactory _db;
    private readonly TokenStore _store;
    private readonly RefreshPolicy _policy;
    private readonly ProviderClient _provider;
    private readonly ServiceCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger<TokenRefresher> _logger;

    public TokenRefresher(IConnectionsDbContextFactory db, TokenStore store, RefreshPolicy policy, ProviderClient provider, ServiceCatalog catalog,
        TimeProvider time, ILogger<TokenRefresher> logger)
    {
        (_db, _store, _policy, _provider, _catalog, _time, _logger) = (db, store, policy, provider, catalog, time, logger);
    }

    internal RefreshPolicy Policy => _policy;

    /// <summary>The current access token, refreshed first when less than the margin remains.</summary>
    public async Task<string> GetAccessTokenAsync(Guid authorizationId, CancellationToken ct = default)
    {
        await using (var current = await _store.OpenAsync(authorizationId, track: false, ct))
        {
            EnsureConnected(current.Row, current.Connection);
            if (!_policy.IsDue(current.Row, current.Service, _time.GetUtcNow()))
            {
                return current.AccessToken()!;
            }
        }

        return await RefreshAsync(authorizationId, RefreshReason.Proactive, null, ct);
    }

    /// <summary>Whether <paramref name="row"/>'s token is due for its proactive refresh (less than the margin left, SEC-14).</summary>
    internal bool NeedsProactiveRefresh(ConnectionAuthorizationEntity row, ServiceRuntime service) => _policy.IsDue(row, service, _time.GetUtcNow());

    /// <summary>
    /// For a caller whose cached row says the token is due: straight into the single flight (SEC-15), which re-reads the row
    /// and refreshes only if it still has to, without every waiter first reading the row itself.
    /// </summary>
    internal Task<string> RefreshStaleAsync(Guid authorizationId, CancellationToken ct = default) =>
        RefreshAsync(authorizationId, RefreshReason.Proactive, null, ct);

    /// <summary>After an API 401: refresh unless someone already replaced <paramref name="rejectedAccessToken"/> (SEC-14).</summary>
    public Task<string> RefreshAfterUnauthorizedAsync(Guid authorizationId, string rejectedAccessToken, CancellationToken ct = default) =>
        RefreshAsync(authorizationId, RefreshReason.Rejected, rejectedAccessToken, ct);

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
        foreach (var row in rows.Where(r => _policy.IsIdle(r, now) && !(r.NextRefreshAttemptAt > now)))
        {
            try
            {
                await RefreshAsync(row.Id, RefreshReason.Idle, null, ct);
                refreshed++;
            }
            catch (ConnectionsException ex)
            {
                _logger.LogWarning("Background refresh of authorization {Authorization} failed: {Message}", row.Id, ex.Message);
            }
        }

        return refreshed;
    }

    private Task<string> RefreshAsync(Guid id, RefreshReason reason, string? rejected, CancellationToken ct) =>
        _flights.RunAsync(id, key => RefreshCoreAsync(key, reason, rejected), ct);

    private async Task<string> RefreshCoreAsync(Guid id, RefreshReason reason, string? rejected)
    {
        await Task.Yield();
        var ct = CancellationToken.None; // shared by every waiter; bounded by the HttpClient timeout instead
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var current = await _store.OpenAsync(id, track: true, ct);
            var (row, connection, service) = (current.Row, current.Connection, current.Service);
            EnsureConnected(row, connection);
            var now = _time.GetUtcNow();

            // Re-read after entering: another caller or instance may have refreshed already (SEC-15).
            if (!_policy.StillNeeded(row, service, reason, current.AccessToken, rejected, now))
            {
                return current.AccessToken()!;
            }

            var stillValid = row.ExpiresAt is { } exp && exp > now && reason != RefreshReason.Rejected;
            if (row.NextRefreshAttemptAt > now)
            {
                return stillValid ? current.AccessToken()! : throw Transient(connection, row.NextRefreshAttemptAt.Value - now);
            }

            var refreshToken = current.RefreshToken();
            if (refreshToken is null && service.Descriptor.AuthType != ServiceAuthType.OAuth2ClientCredentials)
            {
                if (stillValid)
                {
                    return current.AccessToken()!;
                }

                var why = reason == RefreshReason.Rejected ? "the provider rejected its access token" : "its access token expired";
                await current.InvalidateAsync($"{why} and the provider issued no refresh token.", ct);
                throw AuthorizationProblems.NeedsReauthorization(connection.LinkName, $"{why} and the provider issued no refresh token");
            }

            if (row.RefreshLeaseId is not null && row.RefreshLeaseExpiresAt > now)
            {
                await Task.Delay(100, ct); // another instance holds the lease; poll the row
                continue;
            }

            if (!await current.TryTakeLeaseAsync(now + _policy.LeaseDuration, ct))
            {
                continue; // lost the race for the lease: re-read
            }

            var outcome = service.Descriptor.AuthType == ServiceAuthType.OAuth2ClientCredentials
                ? await _provider.ClientCredentialsAsync(service, ConnectionLookup.Scopes(connection), ct)
                : await _provider.RefreshAsync(service, refreshToken!, ct);
            return await ApplyOutcomeAsync(current, outcome, ct);
        }

        throw new ConnectionsException(ConnectionsErrorKind.Transient, "Another portal instance is still refreshing this connection's token; try again in a minute.");
    }

    private async Task<string> ApplyOutcomeAsync(TokenRow current, TokenOutcome outcome, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var (connection, service) = (current.Connection, current.Service);
        switch (outcome.Kind)
        {
            case TokenOutcomeKind.Success:
                await current.SaveTokensAsync(outcome, now, row => EnsureConnected(row, connection), ct);
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Refreshed the token of connection {Connection} for user {User}", connection.LinkName, current.Row.UserId);
                }

                return outcome.AccessToken!;
            case TokenOutcomeKind.InvalidGrant:
                await current.InvalidateAsync($"The provider rejected the refresh token ({outcome.Problem}).", ct);
                throw AuthorizationProblems.NeedsReauthorization(connection.LinkName, $"the provider rejected the refresh token ({outcome.Problem})");
            case TokenOutcomeKind.InvalidClient:
                await current.SaveFailureAsync($"Service configuration error: {outcome.Problem}.", now + _policy.MaxBackoff, counts: false, ct);
                await _catalog.RecordConfigurationErrorAsync(service.Descriptor.Id, $"Token refresh failed: {outcome.Problem}. Check the client id and secret.", ct);
                throw new ConnectionsException(ServiceProblems.ClientRejected(service, connection.LinkName),
                    $"Connection '{connection.LinkName}' cannot refresh its token because {service.Descriptor.DisplayName} rejected the portal's client credentials ({outcome.Problem}).");
            default:
                var delay = _policy.Backoff(current.Row.RefreshFailureCount + 1, outcome.RetryAfter);
                await current.SaveFailureAsync($"Token refresh failed temporarily: {outcome.Problem}.", now + delay, counts: true, ct);
                if (current.Row.ExpiresAt is { } exp && exp > now)
                {
                    return current.AccessToken()!;
                }

                throw Transient(connection, delay, outcome.Problem);
        }
    }

    private static void EnsureConnected(ConnectionAuthorizationEntity row, ConnectionEntity connection)
    {
        if (row.Status == AuthorizationStatus.NeedsReauthorization)
        {
            throw AuthorizationProblems.NeedsReauthorization(connection.LinkName, row.LastError ?? "its authorization is no longer valid");
        }

        if (row.Status != AuthorizationStatus.Connected)
        {
            throw AuthorizationProblems.NotAuthorized(connection.LinkName);
        }
    }

    private static ConnectionsException Transient(ConnectionEntity c, TimeSpan wait, string? problem = null) =>
        new(ConnectionsErrorKind.Transient,
            $"Connection '{c.LinkName}' could not refresh its token{(problem is null ? "" : $" ({problem})")}; the portal retries automatically in about {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s. Try again then.", c.LinkName);
}
