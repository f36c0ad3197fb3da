using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Web.Data;

/// <summary>
/// The same model as <see cref="PortalDbContext"/> on PostgreSQL. A type of its own gives PostgreSQL its own migration
/// set and snapshot (Data/Migrations/PostgreSQL) while every service keeps asking for a <see cref="PortalDbContext"/>.
/// </summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresPortalDbContext</c> build the model without a server.</summary>
internal sealed class PostgresPortalDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(PortalDbContextFactory.Options(new(DatabaseProvider.PostgreSQL, "Host=localhost;Database=portal;Username=postgres")));
}
