using Microsoft.EntityFrameworkCore;

namespace Portal.Connections.Data;

/// <summary>Implemented by the host: returns a fresh DbContext whose model includes <see cref="ConnectionsModel"/>.</summary>
public interface IConnectionsDbContextFactory
{
    DbContext CreateDbContext();
}
