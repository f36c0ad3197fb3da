using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Portal.E2E.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Portal.Sandbox;
using Xunit.Abstractions;

namespace Portal.E2E.Flows;

/// <summary>
/// Issue 17 item 3, R2: three real portal processes on one PostgreSQL, 3 × 50 concurrent runs through each instance's own
/// execute API, all using one OAuth connection to Sandbox Cloud whose access tokens live 10 s and whose refresh tokens
/// rotate (OpenIddict, reuse leeway zero: a refresh token presented twice revokes the whole grant). The Sandbox's own
/// token table is the witness: one new access/refresh token pair per expiry, every older refresh token redeemed exactly
/// once and none revoked.
/// </summary>
public sealed class MultiInstanceTokenRotationTests(ITestOutputHelper output)
{
    private const string ClientId = "cluster-portal";
    private const string ClientSecret = "cluster-portal-secret-0123456789";
    private const string SandboxAccount = "sam@sandbox.test";
    private const int RunsPerInstance = 50;

    // Sandbox access tokens live 10 s; the portal refreshes 1 s before the expiry it was told (its default margin of
    // 5 min is longer than such a token's whole life, so every use would refresh).
    private static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Three_instances_times_fifty_concurrent_runs_refresh_once_per_expiry_and_never_reuse_a_rotated_refresh_token()
    {
        var total = Stopwatch.StartNew();
        var ports = PortalCluster.FreePorts(4);
        var sandboxUrl = $"http://127.0.0.1:{ports[0]}";
        await using var sandboxData = new TemporaryFolder();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions
        {
            Url = sandboxUrl,
            DataDirectory = sandboxData.Path,
            AccessTokenLifetime = AccessTokenLifetime,
            Clients = [new SandboxClient(ClientId, ClientSecret, [.. ports.Skip(1).Select(p => $"http://127.0.0.1:{p}/connections/oauth/callback")], "Portal cluster", AllowClientCredentials: false)],
        }, NullLoggerFactory.Instance);
        await using var cluster = await PortalCluster.StartAsync(ports.Skip(1).ToList(), new Dictionary<string, string>
        {
            // One Sandbox for all instances, started by this test: its loopback origin is the SSRF exception (SEC-23).
            ["Egress__AllowedOrigins__0"] = sandboxUrl,
            ["Connections__InsecureOriginExceptions__0"] = sandboxUrl,
            ["Connections__RefreshMargin"] = "00:00:01",
            // 150 runs at once by one user (the API key's): the per-user gate (3 concurrent, 60 a minute, SEC-28) and the
            // execute API's per-minute limits would refuse almost all of them; this test is about the token, not the gate.
            ["Portal__Runs__MaxConcurrentPerUser"] = "1000",
            ["Portal__Runs__MaxStartsPerMinutePerUser"] = "100000",
            ["Portal__FunctionsApi__ExecutePerMinute"] = "100000",
            ["Portal__FunctionsApi__ExecutePerMinutePerKey"] = "100000",
        });
        output.WriteLine($"sandbox and 3 instances up after {total.Elapsed.TotalSeconds:F1} s");
        var pat = await cluster.CreateAdminTokenAsync();
        using var admin = new HttpClient { BaseAddress = new Uri(cluster.Instances[0].Url) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pat);
        await CreateServiceAndConnectionAsync(admin, sandboxUrl);
        await AuthorizeInBrowserAsync(cluster);
        var created = await admin.PostAsJsonAsync("/api/v1/functions", new
        {
            name = "Echo caller",
            api_name = "echo_caller",
            code = $$"""
                r = invokeUrl [ url: "{{sandboxUrl}}/api/echo/whoami" type: GET connection: "cluster_echo" ];
                return r.get("caller").get("user").get("email");
                """,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var key = await cluster.EnableApiKeyAsync("echo_caller");
        var callers = cluster.Instances.Select(i =>
        {
            var client = new HttpClient { BaseAddress = new Uri(i.Url), Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Portal-Api-Key", key);
            return client;
        }).ToList();

        // One run per instance (first compile, caches); the first access token may expire meanwhile on a loaded machine.
        foreach (var caller in callers)
        {
            Assert.Equal(SandboxAccount, await RunAsync(caller));
        }

        // The token expires; then 150 runs at once (50 per instance) all find it expired and need a fresh one.
        var expiresAt = await cluster.ScalarAsync<DateTime>("""SELECT "ExpiresAt" FROM "ConnectionAuthorizations" """);
        var wait = expiresAt - DateTime.UtcNow + TimeSpan.FromMilliseconds(300);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var before = await TokensAsync(sandboxData.Path);
        var clock = Stopwatch.StartNew();
        var outputs = await Task.WhenAll(callers.SelectMany(c => Enumerable.Range(0, RunsPerInstance).Select(_ => RunAsync(c))));
        output.WriteLine($"150 runs in {clock.Elapsed.TotalMilliseconds:F0} ms, {total.Elapsed.TotalSeconds:F1} s into the test");
        Assert.Equal(3 * RunsPerInstance, outputs.Length);
        Assert.All(outputs, o => Assert.Equal(SandboxAccount, o));

        // The Sandbox's own records. Each token request made one access token and one refresh token; the wave made at
        // least one (the token had expired). Two requests for the same expiry would be milliseconds apart: consecutive
        // tokens are at least a token's life apart (less the portal's 1 s margin, the whole seconds of expires_in and of
        // the Sandbox's timestamps). Every refresh token but the newest was redeemed exactly once — presenting one again
        // would have revoked the whole grant (reuse leeway zero) — and none is revoked.
        var tokens = await TokensAsync(sandboxData.Path);
        foreach (var token in tokens)
        {
            output.WriteLine($"{token.Created:HH:mm:ss} {token.Type} {token.Status}{(token.Redeemed ? " (redeemed)" : "")}");
        }

        var accessTokens = tokens.Where(t => t.Type == "access_token").ToList();
        var refreshTokens = tokens.Where(t => t.Type == "refresh_token").ToList();
        Assert.True(accessTokens.Count > before.Count(t => t.Type == "access_token"), "The wave made no token request although the token had expired.");
        Assert.Equal(accessTokens.Count, refreshTokens.Count);
        Assert.All(accessTokens.Zip(accessTokens.Skip(1)), pair =>
            Assert.True(pair.Second.Created - pair.First.Created >= AccessTokenLifetime - TimeSpan.FromSeconds(3),
                $"two token requests for one expiry: {pair.First.Created:HH:mm:ss} and {pair.Second.Created:HH:mm:ss}"));
        Assert.All(refreshTokens.SkipLast(1), t => Assert.Equal(("redeemed", true), (t.Status, t.Redeemed)));
        Assert.Equal(("valid", false), (refreshTokens[^1].Status, refreshTokens[^1].Redeemed));
        Assert.DoesNotContain(tokens, t => t.Status == "revoked");

        Assert.Equal("Connected", await cluster.ScalarAsync<string>("""SELECT "Status" FROM "ConnectionAuthorizations" """));
        Assert.Equal(3 + (3 * RunsPerInstance), await cluster.ScalarAsync<long>("""SELECT COUNT(*) FROM "FunctionRuns" WHERE "Status" = 'Succeeded' """));
        foreach (var caller in callers)
        {
            caller.Dispose();
        }
    }

    private static async Task<string?> RunAsync(HttpClient caller)
    {
        using var response = await caller.PostAsync("/api/v1/functions/echo_caller/actions/execute", new StringContent("{}", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{caller.BaseAddress} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("details").GetProperty("output").GetString();
    }

    private static async Task CreateServiceAndConnectionAsync(HttpClient admin, string sandboxUrl)
    {
        var service = await admin.PostAsJsonAsync("/api/v1/services", new
        {
            service = new
            {
                id = "cluster_echo",
                displayName = "Cluster Echo",
                category = "Test",
                authType = "OAuth2AuthorizationCode",
                authorizeUrl = $"{sandboxUrl}/connect/authorize",
                tokenUrl = $"{sandboxUrl}/connect/token",
                issuer = $"{sandboxUrl}/",
                scopes = new[] { new { name = "echo.read", description = "Read the echo API" }, new { name = "offline_access", description = "Refresh tokens" } },
                defaultScopes = new[] { "echo.read", "offline_access" },
                usePkce = true,
                allowedApiBaseUrls = new[] { $"{sandboxUrl}/api/echo/" },
            },
            clientId = ClientId,
            clientSecret = ClientSecret,
        });
        Assert.True(service.StatusCode == HttpStatusCode.Created, await service.Content.ReadAsStringAsync());
        var connection = await admin.PostAsJsonAsync("/api/v1/connections", new
        {
            name = "Cluster echo",
            linkName = "cluster_echo",
            serviceId = "cluster_echo",
            scopes = new[] { "echo.read", "offline_access" },
        });
        Assert.True(connection.StatusCode == HttpStatusCode.Created, await connection.Content.ReadAsStringAsync());
    }

    /// <summary>The admin signs in at the first instance and allows the connection at Sandbox Cloud's login and consent pages.</summary>
    private static async Task AuthorizeInBrowserAsync(PortalCluster cluster)
    {
        await using var chromium = await ChromiumLauncher.LaunchAsync();
        var page = await chromium.NewPageAsync(cluster.Instances[0].Url);
        await page.LoginAsync(PortalCluster.AdminEmail, PortalCluster.AdminPassword);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.GotoAsync("/connections/oauth/start?connection=cluster_echo");
        // SandboxSteps' sign-in, with the page's 20 s waits instead of Playwright's 5 s expectations (a loaded machine).
        await page.Locator("#email").FillAsync(SandboxAccount);
        await page.Locator("#password").FillAsync(SandboxSteps.AccountPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(cluster.Instances[0].Url, StringComparison.Ordinal));
        var deadline = Stopwatch.StartNew();
        while (await cluster.ScalarAsync<long>("""SELECT COUNT(*) FROM "ConnectionAuthorizations" WHERE "Status" = 'Connected' """) == 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "The connection was not authorized: " + await page.ContentAsync());
            await Task.Delay(200);
        }
    }

    /// <summary>The Sandbox's access and refresh tokens (OpenIddict's table), oldest first.</summary>
    private static async Task<List<(string Type, string Status, bool Redeemed, DateTime Created)>> TokensAsync(string sandboxData)
    {
        await using var db = await OpenSandboxDatabaseAsync(sandboxData);
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT substr(Type, length('urn:ietf:params:oauth:token-type:') + 1), Status, RedemptionDate IS NOT NULL, CreationDate
            FROM OpenIddictTokens WHERE Type LIKE 'urn:ietf:params:oauth:token-type:%' ORDER BY CreationDate, rowid
            """;
        var tokens = new List<(string, string, bool, DateTime)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tokens.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetDateTime(3)));
        }

        return tokens;
    }

    private static async Task<SqliteConnection> OpenSandboxDatabaseAsync(string sandboxData)
    {
        var db = new SqliteConnection($"Data Source={Path.Combine(sandboxData, "sandbox.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        return db;
    }

    /// <summary>The Sandbox's data folder, deleted after the Sandbox stopped (disposal runs in reverse order).</summary>
    private sealed class TemporaryFolder : IAsyncDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-cluster-sandbox", Guid.NewGuid().ToString("N"));

        public ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // The temp folder is cleaned by the OS.
            }

            return ValueTask.CompletedTask;
        }
    }
}
