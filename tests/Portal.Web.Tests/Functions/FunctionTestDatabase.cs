using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.TestSupport;
using Portal.Web.Identity;

namespace Portal.Web.Tests.Functions;

/// <summary>
/// An in-memory SQLite database (or a throw-away PostgreSQL one) with the portal's model, a fake clock and ready-made
/// principals.
/// </summary>
public sealed class FunctionTestDatabase : IDisposable
{
    private readonly SqliteConnection? connection;
    private readonly PostgresTestDatabase? postgres;

    public FunctionTestDatabase(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        DbContextOptions<PortalDbContext> options;
        if (provider == DatabaseProvider.PostgreSQL)
        {
            postgres = new PostgresTestDatabase();
            options = PortalDbContextFactory.Options(new(provider, postgres.ConnectionString));
        }
        else
        {
            connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(connection).Options;
        }

        Factory = new ContextFactory(options, provider);
        using var db = Factory.CreateDbContext();
        db.Database.EnsureCreated();
        Audit = new AuditLog(Factory, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public IDbContextFactory<PortalDbContext> Factory { get; }

    public AuditLog Audit { get; }

    public static ClaimsPrincipal User(string id, string email, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, role)], "test"));

    public static ClaimsPrincipal Alice { get; } = User("alice", "alice@test.local", Roles.Developer);

    public static ClaimsPrincipal Bob { get; } = User("bob", "bob@test.local", Roles.User);

    public static ClaimsPrincipal Admin { get; } = User("admin", "admin@test.local", Roles.Admin);

    public void Dispose()
    {
        connection?.Dispose();
        postgres?.Dispose();
    }

    private sealed class ContextFactory(DbContextOptions<PortalDbContext> options, DatabaseProvider provider) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => PortalDbContextFactory.Create(options, provider);
    }
}
