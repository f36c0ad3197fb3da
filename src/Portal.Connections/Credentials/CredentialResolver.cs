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
public sealed class CredentialResolver : IConnectionUseCheck
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly IConnectionsDbContextFactory _db;
    private readonly ConnectionLookup _lookup;
    private readonly TokenRefresher _refresher;
    private readonly SecretProtector _protector;
    private readonly TimeProvider _time;

    internal CredentialResolver(IConnectionsDbContextFactory db, ConnectionLookup lookup, TokenRefresher refresher, SecretProtector protector, TimeProvider time)
    {
        (_db, _lookup, _refresher, _protector, _time) = (db, lookup, refresher, protector, time);
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
        var service = await _lookup.ServiceForAsync(connection, ct);
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
        ConnectionAuthorizationEntity? row;
        await using (var db = _db.CreateDbContext())
        {
            row = await db.Set<ConnectionAuthorizationEntity>().SingleOrDefaultAsync(a => a.ConnectionId == connection.Id && a.UserId == userId, ct);
            var now = _time.GetUtcNow();
            if (row is not null && !(row.LastUsedAt > now - LastUsedResolution))
            {
                row.LastUsedAt = now;
                var tracked = await db.Set<ConnectionEntity>().SingleAsync(c => c.Id == connection.Id, ct);
                tracked.LastUsedAt = now;
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Usage timestamps are best effort; a concurrent refresh wins.
                }
            }
        }

        EnsureUsable(connection, row, runningUserId);
        switch (d.AuthType)
        {
            case ServiceAuthType.OAuth2AuthorizationCode or ServiceAuthType.OAuth2ClientCredentials:
                var token = await _refresher.GetAccessTokenAsync(row!.Id, ct);
                var p = d.TokenPlacement;
                CredentialPart part = p.Location == CredentialLocation.Header
                    ? new(CredentialLocation.Header, p.HeaderName, p.Format.Replace("{token}", token, StringComparison.Ordinal))
                    : new(p.Location, p.QueryParameter!, token);
                // Only worth a 401 retry when a new token can actually be obtained.
                var canRefresh = row.RefreshTokenCiphertext is not null || d.AuthType == ServiceAuthType.OAuth2ClientCredentials;
                return new ResolvedCredential(linkName, row.Id, userId, d.AllowedApiBaseUrls, [part], [token], token, canRefresh);
            case ServiceAuthType.ApiKey:
                var json = _protector.Unprotect(SecretKind.ApiSecret, row!.Id, row.SecretCiphertext!);
                var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
                var parts = d.ApiKeyParameters.Where(k => values.ContainsKey(k.Name))
                    .Select(k => new CredentialPart(k.Location, k.Name, k.Format.Replace("{value}", values[k.Name], StringComparison.Ordinal)));
                return new ResolvedCredential(linkName, row.Id, userId, d.AllowedApiBaseUrls, [.. parts], [.. values.Values], null, false);
            default:
                var password = _protector.Unprotect(SecretKind.ApiSecret, row!.Id, row.SecretCiphertext!);
                var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{row.UserName}:{password}"));
                return new ResolvedCredential(linkName, row.Id, userId, d.AllowedApiBaseUrls,
                    [new(CredentialLocation.Header, "Authorization", basic)], [password, $"{row.UserName}:{password}"], null, false);
        }
    }

    /// <summary>After a 401: refresh (single flight) and resolve again; null when the credential cannot be refreshed.</summary>
    public async Task<ResolvedCredential?> RefreshAfterUnauthorizedAsync(ResolvedCredential credential, ConnectionUseContext context, Uri requestUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (!credential.CanRefresh || credential.AuthorizationId is not { } id || credential.AccessToken is null)
        {
            return null;
        }

        await _refresher.RefreshAfterUnauthorizedAsync(id, credential.AccessToken, ct);
        return await ResolveAsync(credential.LinkName, context, requestUrl, ct);
    }

    /// <summary>
    /// The connection when <paramref name="context"/> may use it (SEC-33); otherwise the one refusal that reads the same whether
    /// or not the connection exists. Integration tasks given a connection name check this before anything else.
    /// </summary>
    public async Task<ConnectionEntity> RequireUsableAsync(string linkName, ConnectionUseContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = await _lookup.FindAsync(linkName, ct);
        if (connection is null)
        {
            // The same grant lookup as for an existing connection, so the answer's timing does not tell either.
            await MayUseAsync(new ConnectionEntity { Id = Guid.NewGuid(), LinkName = linkName }, context, ct);
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

        await using var db = _db.CreateDbContext();
        var allowed = (await db.Set<ConnectionUseGrantEntity>().AsNoTracking().Where(g => g.ConnectionId == connection.Id)
            .Select(g => g.GranteeUserId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        allowed.Add(connection.OwnerUserId);
        return code.All(c => allowed.Contains(c.OwnerUserId) && allowed.Contains(c.LastChangedByUserId));
    }

    private static void EnsureUsable(ConnectionEntity connection, ConnectionAuthorizationEntity? row, string runningUserId)
    {
        var link = connection.LinkName;
        if (row is { Status: AuthorizationStatus.Connected })
        {
            return;
        }

        if (row is { Status: AuthorizationStatus.NeedsReauthorization })
        {
            throw new ConnectionsException(ConnectionsErrorKind.NeedsReauthorization,
                $"Connection '{link}' needs to be authorized again ({row.LastError?.TrimEnd('.') ?? "the provider no longer accepts its tokens"}). " +
                (connection.Mode == ConnectionMode.OwnerCredentials && connection.OwnerUserId != runningUserId
                    ? $"Ask its owner to open /connections/{link} and click Reconnect."
                    : $"Open /connections/{link} and click Reconnect."), link);
        }

        var message = connection.Mode == ConnectionMode.LoginUserCredentials
            ? $"You have not authorized the shared connection '{link}' with your own account yet. Open /connections/{link} and click Connect, then run again."
            : connection.OwnerUserId == runningUserId
                ? $"Connection '{link}' is not authorized. Open /connections/{link} and click Connect."
                : $"Connection '{link}' is not authorized. Ask its owner to open /connections/{link} and click Connect.";
        throw new ConnectionsException(ConnectionsErrorKind.NotAuthorized, message, link);
    }
}
