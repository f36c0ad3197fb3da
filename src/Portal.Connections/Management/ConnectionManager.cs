using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.OAuth;
using Portal.Connections.Security;

namespace Portal.Connections.Management;

/// <summary>Create / list / get / delete / revoke connections with per-role visibility (SEC-30).</summary>
internal sealed partial class ConnectionManager : IConnectionManager
{
    private readonly IConnectionsDbContextFactory _db;
    private readonly ServiceCatalog _catalog;
    private readonly ConnectionLookup _lookup;
    private readonly ProviderClient _provider;
    private readonly SecretProtector _protector;
    private readonly IConnectionUsageSource _usage;
    private readonly IConnectionsAuditSink _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectionManager> _logger;
    private readonly IConnectionsWording _wording;

    public ConnectionManager(IConnectionsDbContextFactory db, ServiceCatalog catalog, ConnectionLookup lookup, ProviderClient provider, SecretProtector protector,
        IConnectionUsageSource usage, IConnectionsAuditSink audit, TimeProvider time, ILogger<ConnectionManager> logger, IConnectionsWording wording)
    {
        (_db, _catalog, _lookup, _provider, _protector, _usage, _audit, _time, _logger, _wording) = (db, catalog, lookup, provider, protector, usage, audit, time, logger, wording);
    }

    /// <summary>The browser URL that starts (or restarts) consent for a connection.</summary>
    public static string AuthorizePath(string linkName) => $"/connections/oauth/start?connection={Uri.EscapeDataString(linkName)}";

    public async Task<ConnectionCreateResult> CreateAsync(CreateConnectionRequest request, ConnectionsUser actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanCreate)
        {
            throw new ConnectionsException(ConnectionsErrorKind.Forbidden, "Only Developers and Admins can create connections. Ask an admin for the Developer role.");
        }

        var errors = new List<FieldError>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            errors.Add(new("name", "Enter a connection name of 1-100 characters."));
        }

        var link = string.IsNullOrWhiteSpace(request.LinkName) ? LinkNames.Derive(name) : request.LinkName.Trim();
        if (!ServiceValidator.LinkNamePattern().IsMatch(link))
        {
            errors.Add(new("linkName", "Use 1-50 characters: a lowercase letter first, then lowercase letters, digits or '_'."));
        }

        var service = await _catalog.FindAsync(request.ServiceId ?? "", ct);
        var scopes = (request.Scopes ?? service?.Descriptor.DefaultScopes ?? []).Distinct().ToList();
        if (service is null)
        {
            errors.Add(new("serviceId", $"There is no service '{request.ServiceId}'. Pick one from the service list."));
        }
        else if (!service.Enabled || service.NeedsSetup)
        {
            errors.Add(new("serviceId", _wording.Describe(service.Enabled ? service.SetupMessage! : $"{service.Descriptor.DisplayName} is disabled.", service.Problem)));
        }
        else if (service.Descriptor.Scopes.Count > 0 && scopes.FirstOrDefault(s => service.Descriptor.Scopes.All(x => x.Name != s)) is { } unknown)
        {
            errors.Add(new("scopes", $"'{unknown}' is not a scope of {service.Descriptor.DisplayName}. Choose from the listed scopes."));
        }

        await using var db = _db.CreateDbContext();
        if (errors.Count == 0 && await db.Set<ConnectionEntity>().AnyAsync(c => c.LinkName == link, ct))
        {
            errors.Add(new("linkName", LinkNames.NotAvailable(link)));
        }

        if (errors.Count > 0)
        {
            return new(false, errors, null);
        }

        var now = _time.GetUtcNow();
        var row = new ConnectionEntity
        {
            Id = Guid.NewGuid(), Name = name, LinkName = link, ServiceId = service!.Descriptor.Id, RequestedScopesJson = CatalogJson.WriteList(scopes),
            OwnerUserId = actor.UserId, Mode = request.Mode, CreatedAt = now, ConcurrencyToken = Guid.NewGuid(),
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Only a name taken between the check above and this save is the user's to fix; anything else (a busy
            // database, say) is not about the name and goes up as it is.
            await using var check = _db.CreateDbContext();
            if (!await check.Set<ConnectionEntity>().AnyAsync(c => c.LinkName == link, ct))
            {
                throw;
            }

            return new(false, [new("linkName", LinkNames.NotAvailable(link))], null);
        }

        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ConnectionCreated, actor.UserId, now, link, row.ServiceId, $"mode {row.Mode}"), ct);
        return new(true, [], Summarize(row, service, AuthorizationStatus.NotConnected));
    }

    /// <summary>Null when the connection does not exist or the user may not see it (callers answer 404).</summary>
    public async Task<ConnectionDetails?> GetAsync(string linkName, ConnectionsUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var connection = await _lookup.FindAsync(linkName, ct);
        if (connection is null || !CanSee(connection, user))
        {
            return null;
        }

        await using var db = _db.CreateDbContext();
        var all = await db.Set<ConnectionAuthorizationEntity>().AsNoTracking().Where(a => a.ConnectionId == connection.Id).ToListAsync(ct);
        var visible = CanManage(connection, user) ? all : all.Where(a => a.UserId == user.UserId).ToList();
        var service = await _catalog.FindAsync(connection.ServiceId, ct);
        var statusUser = connection.Mode == ConnectionMode.OwnerCredentials ? connection.OwnerUserId : user.UserId;
        var status = all.FirstOrDefault(a => a.UserId == statusUser)?.Status ?? AuthorizationStatus.NotConnected;
        var infos = visible.Select(a => new AuthorizationInfo(a.UserId, a.Status, CatalogJson.ReadList(a.GrantedScopesJson), a.ExpiresAt,
            a.AuthorizedAt, a.LastRefreshedAt, a.LastUsedAt, a.LastError, a.ProviderAccount, a.ApiDomain)).ToList();
        var sampleUrl = service?.Descriptor.SampleRequestUrl ?? (service?.Descriptor.AllowedApiBaseUrls is [var firstUrl, ..] ? firstUrl : null) ?? "https://";
        return new ConnectionDetails(Summarize(connection, service, status), ConnectionLookup.Scopes(connection), infos,
            await _usage.GetUsagesAsync(linkName, ct), SampleSnippet(sampleUrl, linkName), AuthorizePath(linkName));
    }

    /// <summary>Starts re-authorization for the caller: a consent URL for OAuth, a fresh token for client credentials, the entry page for keys.</summary>
    public async Task<ReconnectResult> ReconnectAsync(string linkName, ConnectionsUser user, OAuthFlowService flow, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(flow);
        var connection = await _lookup.FindAsync(linkName, ct);
        if (connection is null || !CanSee(connection, user))
        {
            throw NotFound(linkName);
        }

        OAuthFlowService.EnsureMayAuthorize(connection, user.UserId);
        var service = await _lookup.ServiceForAsync(connection, ct);
        switch (service.Descriptor.AuthType)
        {
            case ServiceAuthType.OAuth2AuthorizationCode:
                return new(false, AuthorizePath(linkName), $"Sign in to {service.Descriptor.DisplayName} in the window that opens to reconnect '{linkName}'.");
            case ServiceAuthType.OAuth2ClientCredentials:
                await flow.AuthorizeWithClientCredentialsAsync(linkName, user.UserId, ct);
                return new(true, null, $"Connection '{linkName}' is connected again.");
            default:
                return new(false, _wording.ConnectionPage(linkName), $"Enter the credentials for '{linkName}' again on the connection page.");
        }
    }

    public Task<IReadOnlyList<ConnectionUsage>> GetUsagesAsync(string linkName, CancellationToken ct = default) => _usage.GetUsagesAsync(linkName, ct);

    /// <summary>Deletes a connection, revoking every authorization at the provider first (best effort, SEC-8).</summary>
    public async Task<ConnectionDeleteResult> DeleteAsync(string linkName, ConnectionsUser user, bool force, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var connection = await RequireManageableAsync(linkName, user, ct);
        var usages = await _usage.GetUsagesAsync(linkName, ct);
        if (usages.Count > 0 && !force)
        {
            return new ConnectionDeleteResult(false, usages, 0);
        }

        await using var db = _db.CreateDbContext();
        var rows = await db.Set<ConnectionAuthorizationEntity>().Where(a => a.ConnectionId == connection.Id).ToListAsync(ct);
        var revoked = 0;
        foreach (var row in rows)
        {
            revoked += await RevokeAtProviderAsync(connection, row, ct) ? 1 : 0;
        }

        db.RemoveRange(rows);
        db.RemoveRange(await db.Set<ConnectionUseGrantEntity>().Where(g => g.ConnectionId == connection.Id).ToListAsync(ct));
        db.RemoveRange(await db.Set<OAuthFlowStateEntity>().Where(s => s.ConnectionId == connection.Id).ToListAsync(ct));
        db.Remove(await db.Set<ConnectionEntity>().SingleAsync(c => c.Id == connection.Id, ct));
        await db.SaveChangesAsync(ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ConnectionDeleted, user.UserId, _time.GetUtcNow(), linkName, connection.ServiceId,
            usages.Count > 0 ? $"deleted while used by {usages.Count} function(s)" : null), ct);
        return new ConnectionDeleteResult(true, usages, revoked);
    }

    /// <summary>Revokes one authorization (the caller's own, or — for the owner/admin — <paramref name="targetUserId"/>'s). Local ciphertext is always deleted (SEC-8).</summary>
    public async Task<bool> RevokeAsync(string linkName, ConnectionsUser user, string? targetUserId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var connection = await _lookup.FindAsync(linkName, ct);
        if (connection is null || !CanSee(connection, user))
        {
            throw NotFound(linkName);
        }

        var target = targetUserId ?? (connection.Mode == ConnectionMode.OwnerCredentials ? connection.OwnerUserId : user.UserId);
        if (target != user.UserId && !CanManage(connection, user))
        {
            throw new ConnectionsException(ConnectionsErrorKind.Forbidden,
                $"Only the owner of connection '{linkName}' or an admin can revoke another user's authorization.", linkName);
        }

        await using var db = _db.CreateDbContext();
        var row = await db.Set<ConnectionAuthorizationEntity>().SingleOrDefaultAsync(a => a.ConnectionId == connection.Id && a.UserId == target, ct);
        if (row is null || row.Status == AuthorizationStatus.Revoked)
        {
            return false;
        }

        await RevokeAtProviderAsync(connection, row, ct);
        TokenInvalidation.Clear(row, AuthorizationStatus.Revoked, null);
        await db.SaveChangesAsync(ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ConnectionRevoked, user.UserId, _time.GetUtcNow(), linkName, connection.ServiceId, $"authorization of user {target}"), ct);
        return true;
    }

    internal static bool CanSee(ConnectionEntity c, ConnectionsUser u) => u.IsAdmin || c.OwnerUserId == u.UserId || c.Mode == ConnectionMode.LoginUserCredentials;

    internal static bool CanManage(ConnectionEntity c, ConnectionsUser u) => u.IsAdmin || c.OwnerUserId == u.UserId;

    private async Task<ConnectionEntity> RequireManageableAsync(string linkName, ConnectionsUser user, CancellationToken ct)
    {
        var connection = await _lookup.FindAsync(linkName, ct);
        if (connection is null || !CanSee(connection, user))
        {
            throw NotFound(linkName);
        }

        return CanManage(connection, user)
            ? connection
            : throw new ConnectionsException(ConnectionsErrorKind.Forbidden, $"Only the owner of connection '{linkName}' or an admin can delete it.", linkName);
    }

    private Task<bool> RevokeAtProviderAsync(ConnectionEntity connection, ConnectionAuthorizationEntity row, CancellationToken ct) =>
        ProviderRevocation.RevokeAsync(_catalog, _provider, _protector, _logger, connection.ServiceId, row, $"connection {connection.LinkName}", ct);

    private static ConnectionsException NotFound(string linkName) =>
        new(ConnectionsErrorKind.NotFound, $"There is no connection named '{linkName}' that you can see. Check the link name in Connections.");

    private static ConnectionSummary Summarize(ConnectionEntity c, CatalogService? s, AuthorizationStatus status) =>
        new(c.LinkName, c.Name, c.ServiceId, s?.Descriptor.DisplayName ?? c.ServiceId, s?.Descriptor.Logo, c.Mode, c.OwnerUserId, status, c.CreatedAt, c.LastUsedAt);

    private static string SampleSnippet(string url, string link) =>
        $"response = invokeUrl\n[\n\turl: \"{url}\"\n\ttype: GET\n\tconnection: \"{link}\"\n];\ninfo response;";
}
