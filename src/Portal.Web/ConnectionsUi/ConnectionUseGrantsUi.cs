using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.Data;
using Portal.Web.Identity;

namespace Portal.Web.ConnectionsUi;

internal sealed class ConnectionUseGrantsUi(IConnectionUseGrants grants, IConnectionManager connections, IDbContextFactory<PortalDbContext> portalDb, IConnectionsWording wording) : IConnectionUseGrantsUi
{
    public async Task<ConnectionUseGrantsView?> GetAsync(string linkName, ConnectionsUser viewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var details = await connections.GetAsync(linkName, viewer, ct);
        if (details is not { Summary.Mode: ConnectionMode.OwnerCredentials } || await grants.ListAsync(linkName, viewer, ct) is not { } list)
        {
            return null;
        }

        await using var db = await portalDb.CreateDbContextAsync(ct);
        var people = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var writers = await (from ur in db.UserRoles
                             join r in db.Set<IdentityRole>() on ur.RoleId equals r.Id
                             where r.Name == Roles.Admin || r.Name == Roles.Developer
                             select ur.UserId).Distinct().ToListAsync(ct);
        var byId = people.ToDictionary(p => p.Id);
        string Name(string id) => byId.TryGetValue(id, out var p) ? p.DisplayName ?? p.Email ?? id : "Deleted user";
        var granted = list.Select(g => new ConnectionUseGranteeView(g.GranteeUserId, Name(g.GranteeUserId), byId.GetValueOrDefault(g.GranteeUserId)?.Email,
            Name(g.GrantedByUserId), g.GrantedAt)).ToList();
        var taken = list.Select(g => g.GranteeUserId).Append(details.Summary.OwnerUserId).ToHashSet(StringComparer.Ordinal);
        var candidates = writers.Where(id => !taken.Contains(id) && byId.ContainsKey(id))
            .Select(id => new ConnectionUseGranteeView(id, Name(id), byId[id].Email, null, null))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new ConnectionUseGrantsView(granted, candidates);
    }

    public async Task<UiResult> GrantAsync(string linkName, string granteeUserId, ConnectionsUser actor, CancellationToken ct = default)
    {
        try
        {
            await grants.GrantAsync(linkName, granteeUserId, actor, ct);
            return UiResult.Ok;
        }
        catch (ConnectionsException e)
        {
            return UiResult.Fail(wording.Describe(e));
        }
    }

    public async Task<UiResult> RevokeAsync(string linkName, string granteeUserId, ConnectionsUser actor, CancellationToken ct = default)
    {
        try
        {
            return await grants.RevokeAsync(linkName, granteeUserId, actor, ct)
                ? UiResult.Ok
                : UiResult.Fail("That person was not on the list any more. Reload the page to see the current list.");
        }
        catch (ConnectionsException e)
        {
            return UiResult.Fail(wording.Describe(e));
        }
    }
}
