using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.TestSupport;
using Portal.Web.Data;
using Portal.Web.Hosting;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

/// <summary>
/// <c>Portal.Web db copy</c> moves a SQLite portal onto an empty PostgreSQL database: a portal started on the copy with
/// the same certificate signs the user in and decrypts what the SQLite portal encrypted; a non-empty target is refused.
/// </summary>
public sealed class DatabaseCopyTests
{
    [Fact]
    public async Task A_SQLite_portal_copied_to_PostgreSQL_signs_in_and_decrypts_with_the_same_certificate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        using var database = new PostgresTestDatabase();
        string protectedSecret;
        int sqliteUsers;
        using (var sqlite = new PortalWebFactory { DataDirectory = directory, DeleteDataOnDispose = false })
        {
            protectedSecret = sqlite.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("copy-test").Protect("the secret");
            await using var db = await sqlite.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            sqliteUsers = await db.Users.CountAsync();
        }

        SqliteConnection.ClearAllPools();
        var output = new StringWriter();
        var error = new StringWriter();
        var from = $"Data Source={Path.Combine(directory, "portal.db")}";
        Assert.Equal(0, await DatabaseCopyCommand.RunAsync(["db", "copy", "--from", from, "--to", database.ConnectionString], output, error));
        Assert.Contains("copied", output.ToString(), StringComparison.Ordinal);

        using (var postgres = new PortalWebFactory { Provider = DatabaseProvider.PostgreSQL, PostgresDatabase = database, DataDirectory = directory, DeleteDataOnDispose = false })
        {
            await using var scope = postgres.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = await users.FindByEmailAsync(PortalWebFactory.AdminEmail);
            Assert.NotNull(admin);
            Assert.True(await users.CheckPasswordAsync(admin, PortalWebFactory.AdminPassword));
            Assert.Equal(sqliteUsers, await users.Users.CountAsync());
            Assert.Equal("the secret", postgres.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("copy-test").Unprotect(protectedSecret));
        }

        // The target now holds data: a second copy is refused with a message, nothing is written.
        var again = new StringWriter();
        Assert.Equal(1, await DatabaseCopyCommand.RunAsync(["db", "copy", "--from", from, "--to", database.ConnectionString], new StringWriter(), again));
        Assert.Contains("not empty", again.ToString(), StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }
}
