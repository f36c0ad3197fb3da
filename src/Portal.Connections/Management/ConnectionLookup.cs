using Microsoft.EntityFrameworkCore;
using Portal.Connections.Catalog;
using Portal.Connections.Data;

namespace Portal.Connections.Management;

/// <summary>Loads a connection and its service, turning every miss into an actionable <see cref="ConnectionsException"/>.</summary>
internal sealed class ConnectionLookup(IConnectionsDbContextFactory dbFactory, ServiceCatalog catalog)
{
    public ServiceCatalog Catalog => catalog;

    public async Task<ConnectionEntity?> FindAsync(string linkName, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Set<ConnectionEntity>().AsNoTracking().SingleOrDefaultAsync(c => c.LinkName == linkName, ct);
    }

    public async Task<ConnectionEntity?> FindAsync(Guid connectionId, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        return await db.Set<ConnectionEntity>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
    }

    public async Task<(ConnectionEntity Connection, ServiceRuntime Service)> LoadAsync(string linkName, CancellationToken ct)
    {
        var connection = await FindAsync(linkName, ct)
            ?? throw new ConnectionsException(new ConnectionProblem(ConnectionsErrorKind.NotFound, ConnectionRemedy.CheckLinkName),
                $"There is no connection named '{linkName}'.");
        return (connection, await ServiceForAsync(connection, ct));
    }

    public async Task<ServiceRuntime> ServiceForAsync(ConnectionEntity connection, CancellationToken ct) =>
        CheckService(connection, await catalog.GetRuntimeAsync(connection.ServiceId, ct));

    /// <summary><paramref name="service"/> (as read for <paramref name="connection"/>) when it can be used; otherwise why not.</summary>
    public static ServiceRuntime CheckService(ConnectionEntity connection, ServiceRuntime? service)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (service is null)
        {
            throw new ConnectionsException(new ConnectionProblem(ConnectionsErrorKind.ServiceConfiguration, ConnectionRemedy.CreateAgain) { LinkName = connection.LinkName },
                $"Connection '{connection.LinkName}' uses the service '{connection.ServiceId}', which no longer exists.");
        }

        if (!service.Enabled)
        {
            throw new ConnectionsException(ServiceProblems.Disabled(service, connection.LinkName),
                $"Connection '{connection.LinkName}' uses {service.Descriptor.DisplayName}, which an admin has disabled.");
        }

        if (service.SetupProblem is { } problem)
        {
            throw new ConnectionsException(service.SetupNeeded! with { LinkName = connection.LinkName }, $"Connection '{connection.LinkName}': {problem}");
        }

        return service;
    }

    public static IReadOnlyList<string> Scopes(ConnectionEntity c) => CatalogJson.ReadList(c.RequestedScopesJson);
}
