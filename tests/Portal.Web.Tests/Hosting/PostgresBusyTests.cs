using System.Data;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Web.Data;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

/// <summary>
/// PostgreSQL's busy and conflict paths on a real server: a lock held past the wait is DatabaseBusy's 503 (as on
/// SQLite, see DatabaseBusyTests), while serialization failures and deadlocks are retried and the work succeeds.
/// </summary>
public sealed class PostgresBusyTests : IDisposable
{
    private readonly ImpatientPostgresFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task A_lock_timeout_and_a_command_timeout_are_recognised_as_busy_and_not_as_a_conflict()
    {
        await using var holder = await LockTableAsync("AspNetUsers");
        var lockTimeout = await Record.ExceptionAsync(() => QueryUsersAsync("Options=-c lock_timeout=300"));
        var commandTimeout = await Record.ExceptionAsync(() => QueryUsersAsync("Command Timeout=1"));

        Assert.Equal(PostgresErrorCodes.LockNotAvailable, Assert.IsType<PostgresException>(lockTimeout).SqlState);
        Assert.True(DatabaseBusy.Is(lockTimeout), lockTimeout.ToString());
        Assert.True(DatabaseBusy.Is(commandTimeout), commandTimeout?.ToString());
        Assert.False(DatabaseConflict.IsUniqueViolation(lockTimeout));
    }

    [Fact]
    public async Task A_form_posted_while_the_users_table_is_locked_gets_a_page_that_says_so()
    {
        using var client = LoginClient.CreateClient(factory);

        HttpResponseMessage busy;
        await using (await LockTableAsync("AspNetUsers"))
        {
            busy = await LoginClient.PostLoginAsync(client, PortalWebFactory.AdminEmail, "not-the-password");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.NotNull(busy.Headers.RetryAfter);
        Assert.Contains(DatabaseBusy.Message, await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deploy_while_the_functions_table_is_locked_is_a_503_and_works_once_it_is_free()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var function = new { name = "Busy", api_name = "busy_pg", code = "return 1;" };

        HttpResponseMessage busy;
        await using (await LockTableAsync("Functions"))
        {
            busy = await alice.PostAsJsonAsync("/api/v1/functions", function);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseBusy.RetryAfterSeconds), busy.Headers.RetryAfter?.Delta);
        var retried = await alice.PostAsJsonAsync("/api/v1/functions", function);
        Assert.True(retried.IsSuccessStatusCode, await retried.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_serialization_failure_is_retried_and_the_second_attempt_commits()
    {
        await SeedSettingsAsync("serial");
        await using var db = await CreateDbContextAsync();
        var attempts = 0;

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            attempts++;
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead);
            var setting = await db.Settings.SingleAsync(s => s.Key == "serial-a");
            if (attempts == 1)
            {
                await ExecuteAsync("UPDATE \"PortalSettings\" SET \"Value\" = 'theirs' WHERE \"Key\" = 'serial-a'"); // commits meanwhile
            }

            setting.Value = "ours";
            await db.SaveChangesAsync(); // 40001 on the first attempt: the row changed after our snapshot
            await transaction.CommitAsync();
        });

        Assert.Equal(2, attempts);
        Assert.Equal("ours", await ReadSettingAsync("serial-a"));
    }

    [Fact]
    public async Task A_deadlock_is_retried_and_the_second_attempt_commits()
    {
        await SeedSettingsAsync("dead");
        await using var other = await OpenAsync();
        await ExecuteAsync(other, "SET deadlock_timeout = '20s'"); // our side detects the deadlock and is the one rolled back
        await ExecuteAsync(other, "BEGIN");
        await ExecuteAsync(other, "UPDATE \"PortalSettings\" SET \"Value\" = 'theirs' WHERE \"Key\" = 'dead-a'");
        await using var db = await CreateDbContextAsync();
        var attempts = 0;
        Task? theirs = null;

        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                attempts++;
                await using var transaction = await db.Database.BeginTransactionAsync();
                // Wait for locks as long as it takes (not the factory's one second), and look for the deadlock after one second (theirs only after twenty).
                await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = 0; SET LOCAL deadlock_timeout = '1s'");
                await db.Database.ExecuteSqlRawAsync("UPDATE \"PortalSettings\" SET \"Value\" = 'ours' WHERE \"Key\" = 'dead-b'");
                // Theirs wants dead-b (ours) while we wait for dead-a (theirs): a deadlock; once we are rolled back they commit.
                theirs ??= Task.Run(async () =>
                {
                    await Task.Delay(100);
                    await ExecuteAsync(other, "UPDATE \"PortalSettings\" SET \"Value\" = 'theirs' WHERE \"Key\" = 'dead-b'");
                    await ExecuteAsync(other, "COMMIT");
                });
                await db.Database.ExecuteSqlRawAsync("UPDATE \"PortalSettings\" SET \"Value\" = 'ours' WHERE \"Key\" = 'dead-a'");
                await transaction.CommitAsync();
            });
        }
        finally
        {
            await (theirs ?? Task.CompletedTask); // their connection is not disposed while it is still in use
        }

        Assert.Equal(2, attempts);
        Assert.Equal("ours", await ReadSettingAsync("dead-a"));
        Assert.Equal("ours", await ReadSettingAsync("dead-b"));
    }

    private async Task<PortalDbContext> CreateDbContextAsync() =>
        await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private async Task SeedSettingsAsync(string prefix)
    {
        await using var db = await CreateDbContextAsync();
        db.Settings.AddRange(new PortalSetting { Key = prefix + "-a", Value = "start" }, new PortalSetting { Key = prefix + "-b", Value = "start" });
        await db.SaveChangesAsync();
    }

    private async Task<string> ReadSettingAsync(string key)
    {
        await using var db = await CreateDbContextAsync();
        return (await db.Settings.SingleAsync(s => s.Key == key)).Value;
    }

    private async Task<NpgsqlConnection> OpenAsync(string? extra = null)
    {
        _ = factory.Services; // creates and migrates the database
        var connection = new NpgsqlConnection(factory.PostgresDatabase!.ConnectionString + ";Pooling=false;" + extra);
        await connection.OpenAsync();
        return connection;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task QueryUsersAsync(string settings)
    {
        await using var connection = await OpenAsync(settings);
        await ExecuteAsync(connection, "SELECT count(*) FROM \"AspNetUsers\"");
    }

    /// <summary>Holds an exclusive lock on the table the way another session's long transaction would; disposing releases it.</summary>
    private async Task<NpgsqlConnection> LockTableAsync(string table)
    {
        var connection = await OpenAsync();
        await ExecuteAsync(connection, "BEGIN");
        await ExecuteAsync(connection, $"LOCK TABLE \"{table}\" IN ACCESS EXCLUSIVE MODE");
        return connection;
    }

    /// <summary>The portal on PostgreSQL, waiting one second for a lock instead of indefinitely.</summary>
    private sealed class ImpatientPostgresFactory : PortalWebFactory
    {
        public ImpatientPostgresFactory() => Provider = DatabaseProvider.PostgreSQL;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Portal", PostgresDatabase!.ConnectionString + ";Options=-c lock_timeout=1000");
        }
    }
}
