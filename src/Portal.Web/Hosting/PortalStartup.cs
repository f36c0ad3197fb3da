using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Identity;
using Portal.Web.Security;

namespace Portal.Web.Hosting;

internal static class PortalStartup
{
    /// <summary>Creates or migrates the database and seeds accounts before the first request is served.</summary>
    public static async Task InitializePortalAsync(this WebApplication app)
    {
        // Several instances may start at once on one PostgreSQL database: one migrates and seeds, the others wait for it.
        await using (await DatabaseStartupLock.AcquireAsync(app.Services.GetRequiredService<PortalDatabase>()))
        {
            await MigrateAndSeedAsync(app);
        }

        // The console logger writes on its own thread; a short pause lets "Application started…" out before the box.
        var announcer = app.Services.GetRequiredService<ConsoleAnnouncer>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Delay(TimeSpan.FromMilliseconds(300), time).ContinueWith(_ => announcer.Release(), TaskScheduler.Default));
    }

    private static async Task MigrateAndSeedAsync(WebApplication app)
    {
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            if (db.Database.GetDbConnection() is SqliteConnection)
            {
                var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            await db.Database.MigrateAsync();
            if (db.Database.GetDbConnection() is SqliteConnection)
            {
                // WAL lets readers proceed while a writer commits.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        var certificate = app.Services.GetRequiredService<KeyEncryptionCertificateInfo>();
        if (certificate.Created)
        {
            app.Logger.LogWarning(
                "Created the Data Protection key-encryption certificate at {Path}. Back it up with the database: without it stored secrets cannot be decrypted.",
                certificate.Path);
        }

        await app.Services.GetRequiredService<DataProtectionCanary>().VerifyAsync();

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();
    }
}
