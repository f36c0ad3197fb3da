using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.TestSupport;
using Portal.Web.Data;
using Portal.Web.Functions.Schedules;
using Portal.Web.Hosting;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

/// <summary>
/// <c>Portal.Web db copy</c> moves a SQLite portal onto an empty PostgreSQL database: a portal started on the copy with
/// the same certificate signs the user in, runs the copied function, lists its schedule and decrypts what the SQLite
/// portal encrypted; a non-empty target is refused.
/// </summary>
public sealed class DatabaseCopyTests
{
    [Fact]
    public async Task A_SQLite_portal_copied_to_PostgreSQL_signs_in_runs_the_function_keeps_its_schedule_and_decrypts_with_the_same_certificate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        using var database = new PostgresTestDatabase();
        string protectedSecret, apiName;
        int sqliteUsers;
        using (var sqlite = new PortalWebFactory { DataDirectory = directory, DeleteDataOnDispose = false })
        {
            var alice = await FunctionsApiClient.ForAsync(sqlite, FunctionsApiClient.Alice);
            apiName = await FunctionsApiClient.DeployAsync(alice, "return n + 1;", new { name = "n", type = "number" });
            using (var scope = sqlite.Services.CreateScope())
            await using (var functions = await sqlite.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            {
                var functionId = await functions.Functions.Where(f => f.ApiName == apiName).Select(f => f.Id).SingleAsync();
                var schedule = await scope.ServiceProvider.GetRequiredService<FunctionScheduleService>().CreateAsync(
                    await FunctionsApiClient.PrincipalAsync(sqlite, FunctionsApiClient.Alice), functionId,
                    new FunctionScheduleDefinition { Kind = FunctionScheduleKind.EveryHours, Every = 2, TimeZone = "UTC" });
                Assert.True(schedule.Succeeded, schedule.Error);
            }

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
            // The function copied from SQLite runs on PostgreSQL, and its schedule (kept only in Quartz's tables) is there.
            var alice = await FunctionsApiClient.ForAsync(postgres, FunctionsApiClient.Alice);
            var run = await alice.PostAsJsonAsync(FunctionsApiClient.Execute(apiName), new { arguments = new { n = 41 } });
            Assert.True(run.IsSuccessStatusCode, await run.Content.ReadAsStringAsync());
            Assert.Contains("42", await run.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await using (var functions = await postgres.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            {
                var functionId = await functions.Functions.Where(f => f.ApiName == apiName).Select(f => f.Id).SingleAsync();
                var schedules = await scope.ServiceProvider.GetRequiredService<FunctionScheduleService>().ListAsync(
                    await FunctionsApiClient.PrincipalAsync(postgres, FunctionsApiClient.Alice), functionId);
                Assert.Single(schedules!);
            }

            Assert.Equal("the secret", postgres.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("copy-test").Unprotect(protectedSecret));
        }

        // The target now holds data: a second copy is refused with a message, nothing is written.
        var again = new StringWriter();
        Assert.Equal(1, await DatabaseCopyCommand.RunAsync(["db", "copy", "--from", from, "--to", database.ConnectionString], new StringWriter(), again));
        Assert.Contains("not empty", again.ToString(), StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }
}
