using Microsoft.EntityFrameworkCore;
using Portal.Connections.Api;
using Portal.Connections.Data;
using Portal.Connections.Security;

namespace Portal.Connections.Management;

/// <summary>
/// "Functions of these people may use it" (SEC-33): the owner of an owner-mode connection, or an admin, lets other people's
/// functions use it. Everything here is the owner's or an admin's; anyone else gets the same answer as for a missing connection.
/// </summary>
internal sealed class ConnectionUseGrantManager : IConnectionUseGrants
{
    private readonly IConnectionsDbContextFactory _db;
    private readonly ConnectionLookup _lookup;
    private readonly IConnectionsUserDirectory _users;
    private readonly IConnectionsAuditSink _audit;
    private readonly TimeProvider _time;

    public ConnectionUseGrantManager(IConnectionsDbContextFactory db, ConnectionLookup lookup, IConnectionsUserDirectory users, IConnectionsAuditSink audit, TimeProvider time)
    {
        (_db, _lookup, _users, _audit, _time) = (db, lookup, users, audit, time);
    }

    /// <summary>The grants, oldest first; null when the connection does not exist or <paramref name="viewer"/> may not manage it.</summary>
    public async Task<IReadOnlyList<ConnectionUseGrant>?> ListAsync(string linkName, ConnectionsUser viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var connection = await _lookup.FindAsync(linkName, ct);
        if (connection is null || !ConnectionManager.CanManage(connection, viewer))
        {
            return null;
        }

        await using var db = _db.CreateDbContext();
        var rows = await db.Set<ConnectionUseGrantEntity>().AsNoTracking().Where(g => g.ConnectionId == connection.Id).ToListAsync(ct);
        return [.. rows.OrderBy(g => g.GrantedAt).Select(g => new ConnectionUseGrant(g.GranteeUserId, g.GrantedByUserId, g.GrantedAt))];
    }

    /// <exception cref="ConnectionsException">Not the owner or an admin, a shared connection, or a person who cannot write functions.</exception>
    public async Task<ConnectionUseGrant> GrantAsync(string linkName, string granteeUserId, ConnectionsUser actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var connection = await RequireManageableAsync(linkName, actor, ct);
        if (connection.Mode == ConnectionMode.LoginUserCredentials)
        {
            throw new ConnectionsException(ConnectionsErrorKind.Invalid,
                $"Connection '{linkName}' is shared: every function already uses the running person's own account, so there is nobody to grant use to.", linkName);
        }

        if (granteeUserId == connection.OwnerUserId)
        {
            throw new ConnectionsException(ConnectionsErrorKind.Invalid, $"That person owns connection '{linkName}'; their functions may use it already.", linkName);
        }

        var roles = await _users.GetRolesAsync(granteeUserId, ct);
        if (roles is null || !roles.Any(r => r is ConnectionsRoles.Admin or ConnectionsRoles.Developer))
        {
            throw new ConnectionsException(ConnectionsErrorKind.Invalid,
                "Only Developers and Admins write functions, and that person is neither (or their account is locked or gone). Pick a Developer or an Admin.", linkName);
        }

        await using var db = _db.CreateDbContext();
        var existing = await db.Set<ConnectionUseGrantEntity>().AsNoTracking()
            .FirstOrDefaultAsync(g => g.ConnectionId == connection.Id && g.GranteeUserId == granteeUserId, ct);
        if (existing is not null)
        {
            return new ConnectionUseGrant(existing.GranteeUserId, existing.GrantedByUserId, existing.GrantedAt);
        }

        var row = new ConnectionUseGrantEntity
        {
            Id = Guid.NewGuid(), ConnectionId = connection.Id, GranteeUserId = granteeUserId, GrantedByUserId = actor.UserId, GrantedAt = _time.GetUtcNow(),
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ConnectionUseGranted, actor.UserId, row.GrantedAt, linkName, connection.ServiceId,
            $"functions of user {granteeUserId} may use this connection"), ct);
        return new ConnectionUseGrant(row.GranteeUserId, row.GrantedByUserId, row.GrantedAt);
    }

    /// <summary>Takes use away at once: the next request of a run of that person's functions is refused. False when there was no grant.</summary>
    public async Task<bool> RevokeAsync(string linkName, string granteeUserId, ConnectionsUser actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var connection = await RequireManageableAsync(linkName, actor, ct);
        await using var db = _db.CreateDbContext();
        var row = await db.Set<ConnectionUseGrantEntity>().FirstOrDefaultAsync(g => g.ConnectionId == connection.Id && g.GranteeUserId == granteeUserId, ct);
        if (row is null)
        {
            return false;
        }

        db.Remove(row);
        await db.SaveChangesAsync(ct);
        await _audit.WriteAsync(new(ConnectionsAuditEventTypes.ConnectionUseRevoked, actor.UserId, _time.GetUtcNow(), linkName, connection.ServiceId,
            $"functions of user {granteeUserId} may no longer use this connection"), ct);
        return true;
    }

    private async Task<ConnectionEntity> RequireManageableAsync(string linkName, ConnectionsUser actor, CancellationToken ct)
    {
        var connection = await _lookup.FindAsync(linkName, ct);
        return connection is not null && ConnectionManager.CanManage(connection, actor)
            ? connection
            : throw new ConnectionsException(ConnectionsErrorKind.NotFound,
                $"There is no connection named '{linkName}' whose use you can grant: only its owner and admins can. Check the link name in Connections.");
    }
}
