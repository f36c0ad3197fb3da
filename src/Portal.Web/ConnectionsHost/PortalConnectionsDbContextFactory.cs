using Microsoft.EntityFrameworkCore;
using Portal.Connections.Data;
using Portal.Web.Data;

namespace Portal.Web.ConnectionsHost;

/// <summary>The connections engine's tables live in the portal's own database and migrations.</summary>
internal sealed class PortalConnectionsDbContextFactory(IDbContextFactory<PortalDbContext> factory) : IConnectionsDbContextFactory
{
    public DbContext CreateDbContext() => factory.CreateDbContext();
}
