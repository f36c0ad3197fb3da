using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Connections;
using Portal.Connections.Api;
using Portal.Connections.Catalog;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security;

/// <summary>SEC-20: a canary secret goes through the whole flow and is searched for in every sink.</summary>
public sealed class SecretHygieneTests(CanaryPortalWebFactory factory) : IClassFixture<CanaryPortalWebFactory>
{
    private const string Link = "canary_weather";

    private static string Canary => CanaryPortalWebFactory.Canary;

    // SEC-20
    [Fact]
    public async Task The_canary_secret_appears_in_no_log_audit_row_run_api_response_page_or_plaintext_column()
    {
        var alice = await PrincipalAsync("alice@portal.local");
        var admin = await PrincipalAsync(PortalWebFactory.AdminEmail);
        var sinks = new Dictionary<string, string>();

        var configured = await factory.Services.GetRequiredService<IServiceCatalog>().ConfigureDefaultAsync(
            "github", new DefaultServiceSettings { ClientId = "canary-client", ClientSecret = Canary }, UserId(admin));
        var created = await factory.Services.GetRequiredService<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Name = "Canary weather", LinkName = Link, ServiceId = "sandbox_weather" }, ConnectionsUser.From(alice)!);
        await factory.Services.GetRequiredService<IConnectionAuthorizer>().AuthorizeWithApiKeyAsync(
            Link, UserId(alice), new Dictionary<string, string> { ["X-Weather-Key"] = Canary });
        var run = await RunSavedFunctionAsync(alice);
        await CollectApiResponsesAsync(alice, sinks);
        await CollectPagesAsync(sinks);

        Assert.True(configured.Succeeded);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        Assert.True(run.ErrorMessage is null, run.ErrorMessage); // the Sandbox accepts only the canary, so the key really was sent
        Assert.Equal("\"Lisbon\"", run.ReturnValueJson);
        var logs = factory.Logs.Lines;
        Assert.Contains(logs, l => l.Level == LogLevel.Trace);
        Assert.DoesNotContain(logs, l => l.Text.Contains(Canary, StringComparison.Ordinal));
        Assert.All(sinks, sink => Assert.False(sink.Value.Contains(Canary, StringComparison.Ordinal), $"The canary secret leaked into {sink.Key}."));
        var rows = await ReadEveryRowAsync();
        Assert.Contains(rows, r => r.StartsWith("AuditEvents:", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("FunctionRuns:", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains(Canary, StringComparison.Ordinal));
        Assert.False(await DatabaseFilesContainAsync(Canary), "The canary secret is stored in plaintext in the SQLite files.");
        Assert.NotEmpty(await ScalarsAsync("SELECT SecretCiphertext FROM ConnectionAuthorizations WHERE SecretCiphertext IS NOT NULL"));
        Assert.NotEmpty(await ScalarsAsync("SELECT ClientSecretCiphertext FROM ConnectionServices WHERE ClientSecretCiphertext IS NOT NULL"));
    }

    [Fact]
    public void The_in_memory_sink_receives_the_hosts_trace_logs_so_an_absent_canary_means_something()
    {
        var sentinel = "sentinel-" + Guid.NewGuid().ToString("N");
        var logger = factory.Services.GetRequiredService<ILogger<SecretHygieneTests>>();

        // Logged unguarded on purpose: the test proves that trace-level lines reach the sink.
#pragma warning disable CA1873
        logger.LogTrace("Sink check {Value}", sentinel);
#pragma warning restore CA1873

        Assert.Contains(factory.Logs.Lines, l => l.Level == LogLevel.Trace && l.Text.Contains(sentinel, StringComparison.Ordinal));
    }

    private async Task<FunctionRunRecord> RunSavedFunctionAsync(ClaimsPrincipal alice)
    {
        using var scope = factory.Services.CreateScope();
        var code = $$"""
            r = invokeUrl [ url: "{{factory.SandboxUrl}}/api/weather/v1/forecast?city=Lisbon" type: GET connection: "{{Link}}" ];
            info r;
            return r.get("city");
            """;
        var function = await scope.ServiceProvider.GetRequiredService<IFunctionService>().CreateAsync(alice, new FunctionDraft("Canary weather", "canary_weather_fn", null, [], code));
        Assert.True(function.Succeeded, function.Error);
        return await scope.ServiceProvider.GetRequiredService<IFunctionRunner>().RunAsync(
            new FunctionRunRequest { FunctionId = function.Function!.Id }, alice, FunctionRunOrigin.Editor);
    }

    private async Task CollectApiResponsesAsync(ClaimsPrincipal alice, Dictionary<string, string> sinks)
    {
        using var scope = factory.Services.CreateScope();
        var token = await scope.ServiceProvider.GetRequiredService<IPersonalAccessTokens>().CreateAsync(UserId(alice), "canary");
        using var api = LoginClient.CreateClient(factory);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        foreach (var path in new[] { "/api/v1/services", "/api/v1/connections", $"/api/v1/connections/{Link}" })
        {
            var response = await api.GetAsync(path);
            sinks[$"GET {path}"] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
    }

    private async Task CollectPagesAsync(Dictionary<string, string> sinks)
    {
        using var alice = LoginClient.CreateClient(factory);
        using var admin = LoginClient.CreateClient(factory);
        await LoginClient.PostLoginAsync(alice, "alice@portal.local", "Portal-demo-2026");
        await LoginClient.PostLoginAsync(admin, PortalWebFactory.AdminEmail, PortalWebFactory.AdminPassword);
        foreach (var path in new[] { "/connections", $"/connections/{Link}", "/functions", "/functions/canary_weather_fn" })
        {
            sinks["alice " + path] = await alice.GetStringAsync(path);
        }

        foreach (var path in new[] { "/admin/services", "/admin/audit", "/admin/audit/export.csv", "/connections/services/github/edit" })
        {
            sinks["admin " + path] = await admin.GetStringAsync(path);
        }
    }

    /// <summary>Every column of every row of every table, as text, prefixed with the table name.</summary>
    private async Task<List<string>> ReadEveryRowAsync()
    {
        var rows = new List<string>();
        foreach (var table in await ScalarsAsync("SELECT name FROM sqlite_master WHERE type = 'table'"))
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                rows.Add($"{table}: {string.Join(" | ", cells)}");
            }
        }

        return rows;
    }

    private async Task<List<string>> ScalarsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "portal.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private async Task<bool> DatabaseFilesContainAsync(string secret)
    {
        foreach (var file in Directory.GetFiles(factory.DataDirectory, "portal.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            var bytes = buffer.ToArray();
            if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await principals.CreateAsync((await users.FindByEmailAsync(email))!);
    }
}
