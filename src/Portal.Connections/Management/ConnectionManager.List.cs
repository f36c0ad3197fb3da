using Microsoft.EntityFrameworkCore;
using Portal.Connections.Catalog;
using Portal.Connections.Data;

namespace Portal.Connections.Management;

internal sealed partial class ConnectionManager
{
    /// <summary>Every connection of the scope the user may see, in name order (the REST list).</summary>
    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(ConnectionsUser user, ConnectionListScope scope, CancellationToken ct = default)
    {
        var page = await PageAsync(user, scope, new ConnectionListQuery { Take = int.MaxValue }, ct);
        return [.. page.Items.Select(i => i.Summary)];
    }

    /// <summary>
    /// One page of the scope the user may see, filtered and counted in the database, so the Connections page shows its
    /// first rows as fast with 5,000 connections as with five.
    /// </summary>
    public async Task<ConnectionListPage> PageAsync(ConnectionsUser user, ConnectionListScope scope, ConnectionListQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = _db.CreateDbContext();
        var services = (await _catalog.ListAsync(ct)).ToDictionary(s => s.Descriptor.Id);
        var hidden = query.Hidden.ToList();
        var visible = Scoped(db.Set<ConnectionEntity>().AsNoTracking(), user, scope).Where(c => !hidden.Contains(c.LinkName));

        var viewer = user.UserId;
        var rows = visible.Select(c => new
        {
            Connection = c,
            Status = db.Set<ConnectionAuthorizationEntity>()
                .Where(a => a.ConnectionId == c.Id && a.UserId == (c.Mode == ConnectionMode.OwnerCredentials ? c.OwnerUserId : viewer))
                .Select(a => (AuthorizationStatus?)a.Status)
                .FirstOrDefault(),
        });

        if (query.ServiceId is { } serviceId)
        {
            rows = rows.Where(r => r.Connection.ServiceId == serviceId);
        }

        if (query.Status is { } status)
        {
            rows = status == AuthorizationStatus.NotConnected
                ? rows.Where(r => r.Status == null || r.Status == AuthorizationStatus.NotConnected)
                : rows.Where(r => r.Status == status);
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var needle = search.ToLowerInvariant();
            var servicesMatching = services.Values.Where(s => s.Descriptor.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase))
                .Select(s => s.Descriptor.Id).ToList();
            var owners = query.OwnersMatchingSearch.ToList();
            // The query runs in the database: ToLower() becomes SQL lower(), so no .NET culture applies, and EF cannot
            // translate the StringComparison overloads these rules suggest.
#pragma warning disable CA1304, CA1311, CA1862
            rows = rows.Where(r => r.Connection.Name.ToLower().Contains(needle) || r.Connection.LinkName.ToLower().Contains(needle)
                || servicesMatching.Contains(r.Connection.ServiceId) || owners.Contains(r.Connection.OwnerUserId));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await rows.CountAsync(ct);
        var window = await rows.OrderBy(r => r.Connection.Name).ThenBy(r => r.Connection.LinkName)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Max(0, query.Take)).ToListAsync(ct);
        var serviceIds = await visible.Select(c => c.ServiceId).Distinct().ToListAsync(ct);
        return new ConnectionListPage(
            [.. window.Select(r => new ConnectionListItem(
                Summarize(r.Connection, services.GetValueOrDefault(r.Connection.ServiceId), r.Status ?? AuthorizationStatus.NotConnected),
                ConnectionLookup.Scopes(r.Connection)))],
            total,
            [.. serviceIds.Select(id => new ConnectionServiceOption(id, services.GetValueOrDefault(id)?.Descriptor.DisplayName ?? id))
                .OrderBy(s => s.ServiceName, StringComparer.OrdinalIgnoreCase)]);
    }

    private static IQueryable<ConnectionEntity> Scoped(IQueryable<ConnectionEntity> query, ConnectionsUser user, ConnectionListScope scope) => scope switch
    {
        ConnectionListScope.My => query.Where(c => c.OwnerUserId == user.UserId),
        ConnectionListScope.Shared => query.Where(c => c.OwnerUserId != user.UserId && c.Mode == ConnectionMode.LoginUserCredentials),
        _ when user.IsAdmin => query,
        _ => query.Where(c => c.OwnerUserId == user.UserId || c.Mode == ConnectionMode.LoginUserCredentials),
    };
}
