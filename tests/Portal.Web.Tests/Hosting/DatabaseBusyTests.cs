using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Portal.Web.Data;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

/// <summary>
/// Another process holds the SQLite database's write lock for longer than the portal waits: the API answers 503 with
/// Retry-After and says what happened, a browser form gets a page saying so, nothing is half-written, and the same
/// request succeeds once the lock is gone.
/// </summary>
public sealed class DatabaseBusyTests : IDisposable
{
    private readonly ImpatientPortalFactory factory = new();

    [Fact]
    public async Task A_deploy_while_the_database_is_locked_is_a_503_with_retry_after_and_works_once_it_is_free()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = "busy_" + Guid.NewGuid().ToString("N")[..8];
        var function = new { name = "Busy", api_name = apiName, code = "return 1;" };

        HttpResponseMessage busy;
        using (await WriteLockAsync())
        {
            busy = await alice.PostAsJsonAsync("/api/v1/functions", function);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseBusy.RetryAfterSeconds), busy.Headers.RetryAfter?.Delta);
        using var body = JsonDocument.Parse(await busy.Content.ReadAsStringAsync());
        Assert.Equal("error", body.RootElement.GetProperty("code").GetString());
        Assert.Equal(DatabaseBusy.Message, body.RootElement.GetProperty("details").GetProperty("message").GetString());

        var retried = await alice.PostAsJsonAsync("/api/v1/functions", function);
        Assert.True(retried.IsSuccessStatusCode, await retried.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_run_whose_history_row_cannot_be_written_still_answers_with_its_output()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = "busy_run_" + Guid.NewGuid().ToString("N")[..8];
        var deployed = await alice.PostAsJsonAsync("/api/v1/functions", new { name = "Busy run", api_name = apiName, code = "return \"ran once\";" });
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());

        HttpResponseMessage response;
        using (await WriteLockAsync())
        {
            response = await alice.PostAsync($"/api/v1/functions/{apiName}/actions/execute", null);
        }

        // Retrying after a 503 would run the function (and its HTTP calls) twice; the run happened, so it answers.
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"output\":\"ran once\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_while_the_database_is_locked_gets_a_page_that_says_so()
    {
        using var client = LoginClient.CreateClient(factory);

        HttpResponseMessage busy;
        using (await WriteLockAsync())
        {
            // A wrong password counts a failed attempt (SEC-29), which is a write.
            busy = await LoginClient.PostLoginAsync(client, PortalWebFactory.AdminEmail, "not-the-password");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.NotNull(busy.Headers.RetryAfter);
        Assert.Contains(DatabaseBusy.Message, await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_lock_timeout_is_recognised_as_busy()
    {
        _ = factory.Services; // creates and migrates the database
        using var locked = await WriteLockAsync();
        await using var other = new SqliteConnection($"Data Source={factory.DatabasePath};Default Timeout=1;Pooling=False");
        await other.OpenAsync();
        await using var insert = other.CreateCommand();
        insert.CommandText = "CREATE TABLE busy_probe (id INTEGER)";

        var error = await Record.ExceptionAsync(() => insert.ExecuteNonQueryAsync());

        Assert.True(DatabaseBusy.Is(error), error?.ToString());
        Assert.False(DatabaseBusy.Is(new InvalidOperationException("not a database error")));
    }

    public void Dispose() => factory.Dispose();

    /// <summary>Takes SQLite's write lock the way another process's long transaction would; disposing releases it.</summary>
    private async Task<IDisposable> WriteLockAsync()
    {
        _ = factory.Services;
        // No pooling: closing must really end the transaction and release the lock.
        var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        return connection;
    }

    /// <summary>The portal waits one second for a locked database instead of thirty.</summary>
    private sealed class ImpatientPortalFactory : PortalWebFactory
    {
        public string DatabasePath => Path.Combine(DataDirectory, "portal.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath};Default Timeout=1");
        }
    }
}
