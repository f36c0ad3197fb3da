using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.Security;
using Portal.Connections.Tokens;

namespace Portal.Connections.Credentials;

/// <summary>
/// (link name, who asks, request URL) → credential, applying who may use the connection (SEC-33), the connection mode (SEC-10)
/// and the host allowlist (SEC-12).
/// </summary>
/// <remarks>
/// What it reads from the database (the connection by link name, its use grants, its service, the authorization row with its
/// secret decrypted once) is cached while the host's <see cref="IConnectionsChangeStamp"/> is unchanged — any committed write
/// to the connections tables reloads — and for <see cref="ConnectionsOptions.CredentialCacheLifetime"/> at most. The checks
/// themselves (who may use the connection, the allowed base URLs, the authorization's status, the token's expiry) run on
/// every call.
/// </remarks>
internal sealed class CredentialResolver : IConnectionUseCheck
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly IConnectionsDbContextFactory _db;
    private readonly ConnectionLookup _lookup;
    private readonly TokenRefresher _refresher;
    private readonly SecretProtector _protector;
    private readonly TimeProvider _time;
    private readonly StampedCache<string, ConnectionEntity?> _connections;
    private readonly StampedCache<Guid, HashSet<string>> _grants;
    private readonly StampedCache<string, ServiceRuntime?> _services;
    private readonly StampedCache<(Guid ConnectionId, string UserId), Authorization?> _authorizations;
    private readonly ConcurrentDictionary<Guid, long> _lastTouched = new();

    public CredentialResolver(IConnectionsDbContextFactory db, ConnectionLookup lookup, TokenRefresher refresher, SecretProtector protector, TimeProvider time,
        IConnectionsChangeStamp? stamp = null, TimeSpan? cacheLifetime = null)
    {
        (_db, _lookup, _refresher, _protector, _time) = (db, lookup, refresher, protector, time);
        stamp ??= new NoConnectionsChangeStamp();
        var lifetime = cacheLifetime ?? TimeSpan.FromSeconds(5);
        _connections = new(stamp, lifetime, comparer: StringComparer.Ordinal);
        _grants = new(stamp, lifetime);
        _services = new(stamp, lifetime, comparer: StringComparer.Ordinal);
        _authorizations = new(stamp, lifetime);
    }

    /// <summary>The credential for <paramref name="runningUserId"/> acting directly, as on the connection page's Test button.</summary>
    public Task<ResolvedCredential> ResolveAsync(string linkName, string runningUserId, Uri requestUrl, CancellationToken ct = default) =>
        ResolveAsync(linkName, ConnectionUseContext.ForUser(runningUserId), requestUrl, ct);

    /// <exception cref="ConnectionsException">The message names the connection and how to fix it (e.g. authorize at /connections/{link}).</exception>
    public async Task<ResolvedCredential> ResolveAsync(string linkName, ConnectionUseContext context, Uri requestUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        ArgumentNullException.ThrowIfNull(context);

        // Before anything about the connection (its service, URLs, status) can show in an error.
        var connection = await RequireUsableAsync(linkName, context, ct);
        var runningUserId = context.RunningUserId;
        var service = ConnectionLookup.CheckService(connection, await _services.GetAsync(connection.ServiceId, (id, c) => _lookup.Catalog.GetRuntimeAsync(id, c), ct));
        var d = service.Descriptor;
        if (!AllowedBaseUrls.Matches(requestUrl, d.AllowedApiBaseUrls))
        {
            throw new ConnectionsException(ConnectionsErrorKind.UrlNotAllowed,
                $"Connection '{linkName}' only sends credentials to {string.Join(", ", d.AllowedApiBaseUrls)}; {UrlRules.Origin(requestUrl)}{requestUrl.AbsolutePath} is not under any of them. " +
                "Use a URL under one of those base URLs, or ask an admin to add the base URL to the service.", linkName);
        }

        if (d.AuthType == ServiceAuthType.None)
        {
            return new ResolvedCredential(linkName, null, null, d.AllowedApiBaseUrls, [], [], null, false);
        }

        // SEC-10: owner mode always uses the owner's row; shared mode only ever the runner's own row.
        var userId = connection.Mode == ConnectionMode.OwnerCredentials ? connection.OwnerUserId : runningUserId;
        var authorization = await _authorizations.GetAsync((connection.Id, userId), (key, c) => LoadAuthorizationAsync(key, linkName, service, c), ct);
        var row = authorization?.Row;
        if (row is not null)
        {
            await TouchAsync(row, ct);
        }

        EnsureUsable(connection, row, runningUserId);
        if (authorization!.Credential is { } ready)
        {
            return ready;
        }

        // OAuth: the token decrypted when the row was read, unless less than the margin remains (then the refresher's single flight).
        var token = authorization.AccessToken is { } cached && !_refresher.NeedsProactiveRefresh(row!, service)
            ? cached
            : await _refresher.RefreshStaleAsync(row!.Id, ct);
        return token == authorization.AccessToken && authorization.TokenCredential is { } same ? same : TokenCredential(linkName, row!, userId, service, token);
    }

    private static ResolvedCredential TokenCredential(string linkName, ConnectionAuthorizationEntity row, string userId, ServiceRuntime service, string token)
    {
        var d = service.Descriptor;
        var p = d.TokenPlacement;
        CredentialPart part = p.Location == CredentialLocation.Header
            ? new(CredentialLocation.Header, p.HeaderName, p.Format.Replace("{token}", token, StringComparison.Ordinal))
            : new(p.Location, p.QueryParameter!, token);
        // Only worth a 401 retry when a new token can actually be obtained.
        var canRefresh = row.RefreshTokenCiphertext is not null || d.AuthType == ServiceAuthType.OAuth2ClientCredentials;
        return new ResolvedCredential(linkName, row.Id, userId, d.AllowedApiBaseUrls, [part], [token], token, canRefresh);
    }

    // The row, with its secret decrypted once per read (not per call). The link name and service are part of the cached
    // credential; editing either is a write to the connections tables, which reloads this entry.
    private async Task<Authorization?> LoadAuthorizationAsync((Guid ConnectionId, string UserId) key, string linkName, ServiceRuntime service, CancellationToken ct)
    {
        ConnectionAuthorizationEntity? row;
        await using (var db = _db.CreateDbContext())
        {
            row = await db.Set<ConnectionAuthorizationEntity>().AsNoTracking().SingleOrDefaultAsync(a => a.ConnectionId == key.ConnectionId && a.UserId == key.UserId, ct);
        }

        if (row is not { Status: AuthorizationStatus.Connected })
        {
            return new Authorization(row, null, null, null);
        }

        var d = service.Descriptor;
        switch (d.AuthType)
        {
            case ServiceAuthType.OAuth2AuthorizationCode or ServiceAuthType.OAuth2ClientCredentials:
                var token = _protector.UnprotectOptional(SecretKind.AccessToken, row.Id, row.AccessTokenCiphertext);
                return new Authorization(row, null, token, token is null ? null : TokenCredential(linkName, row, key.UserId, service, token));
            case ServiceAuthType.ApiKey:
                var json = _protector.Unprotect(SecretKind.ApiSecret, row.Id, row.SecretCiphertext!);
                var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
                var parts = d.ApiKeyParameters.Where(k => values.ContainsKey(k.Name))
                    .Select(k => new CredentialPart(k.Location, k.Name, k.Format.Replace("{value}", values[k.Name], StringComparison.Ordinal)));
                return new Authorization(row, new ResolvedCredential(linkName, row.Id, key.UserId, d.AllowedApiBaseUrls, [.. parts], [.. values.Values], null, false), null, null);
            default:
                var password = _protector.Unprotect(SecretKind.ApiSecret, row.Id, row.SecretCiphertext!);
                var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{row.UserName}:{password}"));
                return new Authorization(row, new ResolvedCredential(linkName, row.Id, key.UserId, d.AllowedApiBaseUrls,
                    [new(CredentialLocation.Header, "Authorization", basic)], [password, $"{row.UserName}:{password}"], null, false), null, null);
        }
    }

    // Usage timestamps, at most once a minute per authorization and by one caller only: many concurrent runs must not each
    // write the row (a convoy on the database, and concurrency conflicts with a refresh).
    private async Task TouchAsync(ConnectionAuthorizationEntity row, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        if (row.LastUsedAt > now - LastUsedResolution)
        {
            return;
        }

        var ticks = now.UtcTicks;
        var previous = _lastTouched.GetValueOrDefault(row.Id);
        if (previous > (now - LastUsedResolution).UtcTicks ||
            !(previous == 0 ? _lastTouched.TryAdd(row.Id, ticks) : _lastTouched.TryUpdate(row.Id, ticks, previous)))
        {
            return;
        }

        await using var db = _db.CreateDbContext();
        var tracked = await db.Set<ConnectionAuthorizationEntity>().SingleOrDefaultAsync(a => a.Id == row.Id, ct);
        var connection = await db.Set<ConnectionEntity>().SingleOrDefaultAsync(c => c.Id == row.ConnectionId, ct);
        if (tracked is null || connection is null)
        {
            return;
        }

        tracked.LastUsedAt = now;
        connection.LastUsedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Usage timestamps are best effort; a concurrent refresh wins.
        }
    }

    /// <summary>One authorization row as read, with its credential (API key, Basic) or decrypted access token (OAuth).</summary>
    private sealed record Authorization(ConnectionAuthorizationEntity? Row, ResolvedCredential? Credential, string? AccessToken, ResolvedCredential? TokenCredential);

    /// <summary>After a 401: refresh (single flight) and resolve again; null when the credential cannot be refreshed.</summary>
    public async Task<ResolvedCredential?> RefreshAfterUnauthorizedAsync(ResolvedCredential credential, ConnectionUseContext context, Uri requestUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (!credential.CanRefresh || credential.AuthorizationId is not { } id || credential.AccessToken is null)
        {
            return null;
        }

        await _refresher.RefreshAfterUnauthorizedAsync(id, credential.AccessToken, ct);
        if (credential.AuthorizingUserId is { } userId && await _lookup.FindAsync(credential.LinkName, ct) is { } connection)
        {
            // The cached row may still hold the rejected token (a refresh by another instance); read it again.
            _authorizations.Remove((connection.Id, userId));
        }

        return await ResolveAsync(credential.LinkName, context, requestUrl, ct);
    }

    /// <summary>
    /// The connection when <paramref name="context"/> may use it (SEC-33); otherwise the one refusal that reads the same whether
    /// or not the connection exists. Integration tasks given a connection name check this before anything else.
    /// </summary>
    public async Task<ConnectionEntity> RequireUsableAsync(string linkName, ConnectionUseContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = await _connections.GetAsync(linkName, _lookup.FindAsync, ct);
        if (connection is null)
        {
            // The same (cached) grant lookup as for an existing connection, so the answer's timing does not tell either.
            await MayUseAsync(new ConnectionEntity { Id = Guid.Empty, LinkName = linkName }, context, ct);
            throw ConnectionUseRefusal.For(linkName, context);
        }

        return await MayUseAsync(connection, context, ct) ? connection : throw ConnectionUseRefusal.For(linkName, context);
    }

    private async Task<bool> MayUseAsync(ConnectionEntity connection, ConnectionUseContext context, CancellationToken ct)
    {
        // A shared connection only ever uses the running user's own authorization (SEC-10), so any code may ask for it.
        if (connection.Mode == ConnectionMode.LoginUserCredentials)
        {
            return true;
        }

        if (context.IsIntegrationBinding)
        {
            return connection.OwnerUserId == context.RunningUserId;
        }

        var code = context.Code;
        if (code.Count == 0)
        {
            return false;
        }

        var granted = await _grants.GetAsync(connection.Id, LoadGranteesAsync, ct);
        bool Allowed(string user) => user == connection.OwnerUserId || granted.Contains(user);
        return code.All(c => Allowed(c.OwnerUserId) && Allowed(c.LastChangedByUserId));
    }

    private async Task<HashSet<string>> LoadGranteesAsync(Guid connectionId, CancellationToken ct)
    {
        await using var db = _db.CreateDbContext();
        return (await db.Set<ConnectionUseGrantEntity>().AsNoTracking().Where(g => g.ConnectionId == connectionId)
            .Select(g => g.GranteeUserId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    private static void EnsureUsable(ConnectionEntity connection, ConnectionAuthorizationEntity? row, string runningUserId)
    {
        var link = connection.LinkName;
        if (row is { Status: AuthorizationStatus.Connected })
        {
            return;
        }

        // Someone else's connection that works with its owner's account: only the owner can fix it.
        var actor = connection.Mode == ConnectionMode.OwnerCredentials && connection.OwnerUserId != runningUserId ? ConnectionActor.Owner : ConnectionActor.Reader;
        if (row is { Status: AuthorizationStatus.NeedsReauthorization })
        {
            throw AuthorizationProblems.NeedsReauthorization(link, row.LastError ?? "the provider no longer accepts its tokens", actor);
        }

        throw AuthorizationProblems.NotAuthorized(link, actor, shared: connection.Mode == ConnectionMode.LoginUserCredentials);
    }
}
