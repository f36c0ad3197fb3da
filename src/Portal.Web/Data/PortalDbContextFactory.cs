using Microsoft.EntityFrameworkCore;

namespace Portal.Web.Data;

/// <summary>The database the portal was configured with (<c>Database:Provider</c> and <c>ConnectionStrings:Portal</c>).</summary>
public sealed record PortalDatabase(DatabaseProvider Provider, string ConnectionString);

/// <summary>
/// Hands out the context of the configured provider: <see cref="PortalDbContext"/> itself on SQLite (the SQLite
/// migrations), <see cref="PostgresPortalDbContext"/> on PostgreSQL (its own migrations), one model for both.
/// </summary>
public sealed class PortalDbContextFactory(DbContextOptions<PortalDbContext> options, PortalDatabase database) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => Create(options, database.Provider);

    public static PortalDbContext Create(DbContextOptions<PortalDbContext> options, DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSQL ? new PostgresPortalDbContext(options) : new PortalDbContext(options);

    /// <summary>Points the options at the provider's database; on PostgreSQL lost serialization races and deadlocks are retried.</summary>
    public static TBuilder Configure<TBuilder>(TBuilder options, PortalDatabase database)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSQL:
                options.UseNpgsql(database.ConnectionString, npgsql => npgsql.ExecutionStrategy(d => new PostgresExecutionStrategy(d)));
                break;
            default:
                options.UseSqlite(database.ConnectionString);
                break;
        }

        return options;
    }

    /// <summary>Options for a context outside dependency injection (tools, tests).</summary>
    public static DbContextOptions<PortalDbContext> Options(PortalDatabase database) =>
        Configure(new DbContextOptionsBuilder<PortalDbContext>(), database).Options;
}
