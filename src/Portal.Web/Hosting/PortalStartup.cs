using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Identity;

namespace Portal.Web.Hosting;

internal static class PortalStartup
{
    /// <summary>Creates or migrates the database and seeds accounts before the first request is served.</summary>
    public static async Task InitializePortalAsync(this WebApplication app)
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

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();
    }
}
