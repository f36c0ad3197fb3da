using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.TestSupport;
using Portal.Web.Data;
using Portal.Web.Identity;
using Portal.Web.Security;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

/// <summary>
/// Database:Provider picks SQLite or PostgreSQL; each provider has its own migration set generated from the one model,
/// and on PostgreSQL several instances starting at once migrate and seed once (an advisory lock).
/// </summary>
public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_fresh_database_gets_the_providers_own_migrations_and_the_model_has_no_pending_changes(DatabaseProvider provider)
    {
        using var factory = new PortalWebFactory { Provider = provider };
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        // A model change without a migration for this provider fails here: add one to both sets (see PostgresPortalDbContext).
        Assert.False(db.Database.HasPendingModelChanges(), $"The model has changes no {provider} migration covers.");
        Assert.Equal(provider == DatabaseProvider.PostgreSQL ? typeof(PostgresPortalDbContext) : typeof(PortalDbContext), db.GetType());
        Assert.Equal(provider == DatabaseProvider.PostgreSQL ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        var migrations = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        Assert.True(await db.Users.AnyAsync(u => u.Email == PortalWebFactory.AdminEmail));
    }

    [Fact]
    public async Task Each_provider_has_its_own_migration_set()
    {
        using var sqlite = new PortalWebFactory();
        using var postgres = new PortalWebFactory { Provider = DatabaseProvider.PostgreSQL };
        await using var sqliteDb = await sqlite.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await using var postgresDb = await postgres.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        Assert.Empty(sqliteDb.Database.GetMigrations().Intersect(postgresDb.Database.GetMigrations()));
    }

    [Fact]
    public async Task Three_instances_starting_at_once_on_one_PostgreSQL_database_migrate_once_and_seed_one_admin()
    {
        using var database = new PostgresTestDatabase();
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        // The instances share the key-encryption certificate as a real deployment does (created once, before they start).
        KeyEncryptionCertificate.LoadOrCreate(Path.Combine(directory, "keys", "dataprotection.pfx"), null, TimeProvider.System).Certificate.Dispose();
        var instances = Enumerable.Range(0, 3)
            .Select(_ => new PortalWebFactory { Provider = DatabaseProvider.PostgreSQL, PostgresDatabase = database, DataDirectory = directory, DeleteDataOnDispose = false })
            .ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(instances.Select(instance => Task.Run(() => instance.Services)));
            clock.Stop();

            await using var db = await instances[0].Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
            Assert.Equal(1, await db.Users.CountAsync(u => u.Email == PortalWebFactory.AdminEmail));
            Assert.Equal(1, await db.Users.CountAsync(u => u.Email == "alice@portal.local"));
            using var scope = instances[2].Services.CreateScope();
            Assert.Single(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(Roles.Admin));
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"Three instances took {clock.Elapsed} to start.");
        }
        finally
        {
            instances.ForEach(i => i.Dispose());
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_PostgreSQL_instance_waits_for_the_startup_lock_another_instance_holds()
    {
        using var factory = new PortalWebFactory { Provider = DatabaseProvider.PostgreSQL };
        _ = factory.Server; // the first instance is up: its startup work is done and the lock released
        await using var other = new NpgsqlConnection(factory.PostgresDatabase!.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({DatabaseStartupLock.Key})", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        // A second instance on the same database waits until the lock is free.
        using var second = new PortalWebFactory { Provider = DatabaseProvider.PostgreSQL, PostgresDatabase = factory.PostgresDatabase, DataDirectory = factory.DataDirectory, DeleteDataOnDispose = false };
        var starting = Task.Run(() => second.Services);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(starting.IsCompleted, "The instance started while another held the startup lock.");

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({DatabaseStartupLock.Key})", other))
        {
            await release.ExecuteNonQueryAsync();
        }

        await starting.WaitAsync(TimeSpan.FromMinutes(1));
    }
}
