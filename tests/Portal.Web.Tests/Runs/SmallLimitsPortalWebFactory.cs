using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Runs;

/// <summary>
/// The portal with an 8 MB run memory budget, a 100,000-character return cap, and SQLite refusing texts over 300 KB —
/// so "too much memory" and "string or blob too big" are cheap to reach (issue 15, F5).
/// </summary>
public sealed class SmallLimitsPortalWebFactory : PortalWebFactory
{
    public const int SqliteMaxLength = 300_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Functions:MaxMemoryMegabytes", "8");
        builder.UseSetting("Portal:Functions:MaxReturnCharacters", "100000");
        builder.ConfigureServices(services => services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(new SqliteLengthLimit())));
    }

    private sealed class SqliteLengthLimit : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Limit(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Limit(connection);
            return Task.CompletedTask;
        }

        private static void Limit(DbConnection connection) =>
            SQLitePCL.raw.sqlite3_limit(((SqliteConnection)connection).Handle, SQLitePCL.raw.SQLITE_LIMIT_LENGTH, SqliteMaxLength);
    }
}
