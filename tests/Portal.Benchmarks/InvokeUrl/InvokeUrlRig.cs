using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Portal.Connections;
using Portal.Connections.Catalog;
using Portal.Connections.Credentials;
using Portal.Connections.Data;
using Portal.Connections.Egress;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Scripting;
using Portal.Scripting.Http;
using Portal.Web.ConnectionsHost;

namespace Portal.Benchmarks.InvokeUrl;

/// <summary>
/// The invokeUrl path of a portal run, in process: a loopback Kestrel "API" (echo + an OAuth token endpoint), the connections
/// engine over a SQLite file (as the portal's default database), the SSRF egress filter with the API's origin as the one
/// allowed loopback exception (as the Sandbox's), and the portal's <see cref="ConnectionsHttpInvoker"/> under the script engine.
/// The database contexts count their writes and the engine gets the portal's change stamp, as in the portal;
/// <c>INVOKEURL_NO_CACHE=1</c> leaves the stamp out (every call reads the database, as before the credential cache).
/// </summary>
internal sealed class InvokeUrlRig : IAsyncDisposable
{
    public const string User = "bench-user";
    private int _tokenCalls;
    private WebApplication _api = null!;
    private string _dir = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public string Origin { get; private set; } = null!;

    public string EchoUrl => Origin + "/api/echo/hello";

    public int TokenCalls => Volatile.Read(ref _tokenCalls);

    /// <summary>How long the token endpoint takes to answer (a real provider: tens of ms).</summary>
    public TimeSpan TokenDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    public Guid OAuthAuthorizationId { get; private set; }

    /// <summary>Stopwatch timestamps of the token endpoint's last request and answer.</summary>
    public long LastTokenRequestAt { get; private set; }

    public long LastTokenAnswerAt { get; private set; }

    public static async Task<InvokeUrlRig> StartAsync()
    {
        var rig = new InvokeUrlRig();
        await rig.InitAsync();
        return rig;
    }

    private async Task InitAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _api = builder.Build();
        _api.MapGet("/api/echo/{**rest}", () => Results.Text("{\"ok\":true,\"path\":\"/api/echo/hello\"}", "application/json"));
        _api.MapPost("/oauth/token", async () =>
        {
            Interlocked.Increment(ref _tokenCalls);
            LastTokenRequestAt = Stopwatch.GetTimestamp();
            await Task.Delay(TokenDelay);
            LastTokenAnswerAt = Stopwatch.GetTimestamp();
            return Results.Text($"{{\"access_token\":\"at-{Guid.NewGuid():N}\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"rt-{Guid.NewGuid():N}\"}}", "application/json");
        });
        await _api.StartAsync();
        Origin = _api.Urls.First().TrimEnd('/');

        _dir = Directory.CreateTempSubdirectory("portal-invokeurl-").FullName;
        var db = new BenchDatabase(Path.Combine(_dir, "portal.db"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Connections:EnableBackgroundRefresh"] = "false",
            ["Connections:InsecureOriginExceptions:0"] = Origin,
            ["Egress:AllowedOrigins:0"] = Origin,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConnectionsDbContextFactory>(db);
        if (Environment.GetEnvironmentVariable("INVOKEURL_NO_CACHE") is null)
        {
            services.AddSingleton<IConnectionsChangeStamp, DataChangesConnectionsStamp>(); // as the portal registers it
        }

        services.AddPortalConnections(configuration);
        services.AddPortalEgressFiltering(configuration);
        services.Replace(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider()));
        Services = services.BuildServiceProvider();

        var catalog = Services.GetRequiredService<IServiceCatalog>();
        var connections = Services.GetRequiredService<Portal.Connections.Management.IConnectionManager>();
        var flow = Services.GetRequiredService<IConnectionAuthorizer>();
        var owner = new ConnectionsUser(User, true, true);
        Check(await catalog.CreateCustomAsync(new Portal.Connections.Catalog.ServiceDescriptor
        {
            Id = "bench_key", DisplayName = "Bench API key", Category = "Bench", AuthType = ServiceAuthType.ApiKey,
            AllowedApiBaseUrls = [Origin + "/api/"],
            ApiKeyParameters = [new ApiKeyParameter { Name = "X-Api-Key", Location = CredentialLocation.Header }],
        }, null, null, User));
        Check(await catalog.CreateCustomAsync(new Portal.Connections.Catalog.ServiceDescriptor
        {
            Id = "bench_oauth", DisplayName = "Bench OAuth", Category = "Bench", AuthType = ServiceAuthType.OAuth2AuthorizationCode,
            AuthorizeUrl = Origin + "/oauth/authorize", TokenUrl = Origin + "/oauth/token", UsePkce = true,
            Scopes = [new ScopeDefinition("read", "Read")], DefaultScopes = ["read"], AllowedApiBaseUrls = [Origin + "/api/"],
        }, "client-1", "secret-1", User));
        Check(await connections.CreateAsync(new CreateConnectionRequest { Name = "key", LinkName = "key", ServiceId = "bench_key" }, owner));
        Check(await connections.CreateAsync(new CreateConnectionRequest { Name = "oauth", LinkName = "oauth", ServiceId = "bench_oauth" }, owner));
        await flow.AuthorizeWithApiKeyAsync("key", User, new Dictionary<string, string> { ["X-Api-Key"] = "bench-key-0123456789" });
        OAuthAuthorizationId = await SeedTokenAsync(DateTimeOffset.UtcNow.AddHours(1));
    }

    /// <summary>Stores the OAuth connection's tokens as a completed consent would, expiring at <paramref name="expiresAt"/>.</summary>
    public async Task<Guid> SeedTokenAsync(DateTimeOffset expiresAt)
    {
        var store = Services.GetRequiredService<AuthorizationStore>();
        var lookup = Services.GetRequiredService<Portal.Connections.Management.ConnectionLookup>();
        var connection = await lookup.FindAsync("oauth", default) ?? throw new InvalidOperationException("no oauth connection");
        var row = await store.SaveTokensAsync(connection.Id, User,
            new TokenOutcome(TokenOutcomeKind.Success, $"at-{Guid.NewGuid():N}", $"rt-{Guid.NewGuid():N}", expiresAt), ["read"], default);
        return row.Id;
    }

    /// <summary>The portal's invoker for one run by <see cref="User"/> of <see cref="User"/>'s own code.</summary>
    public IHttpInvoker NewRunInvoker() => new ConnectionsHttpInvoker(
        Services.GetRequiredService<IHttpClientFactory>(), Services.GetRequiredService<EgressUrlPolicy>(),
        Services.GetRequiredService<Portal.Connections.IConnectionsWording>(), ConnectionUseContext.ForRun(User, new CodeAuthorship(User, User, "bench function")),
        ConnectedHttpInvokerFactory.Timeout, ConnectedHttpInvokerFactory.MaxResponseBytes);

    public CompiledScript Script(string? connection)
    {
        var script = ScriptEngine.Compile(
            $"r = invokeUrl [ url: \"{EchoUrl}\" type: GET{(connection is null ? "" : $" connection: \"{connection}\"")} ];\nreturn r.get(\"ok\");");
        return script.Success ? script : throw new InvalidOperationException(script.Diagnostics[0].ToString());
    }

    public static async Task<string> RunAsync(CompiledScript script, IHttpInvoker http)
    {
        var result = await ScriptEngine.RunAsync(script, null, new ScriptHost { Http = http, LoginUserId = User });
        return result.Error is null ? result.ReturnValue!.ToResultString() : throw new InvalidOperationException(result.Error.ToString());
    }

    private static void Check(ServiceEditResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }

    private static void Check(Portal.Connections.Management.ConnectionCreateResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class BenchDatabase : IConnectionsDbContextFactory
    {
        private readonly DbContextOptions<BenchDbContext> _options;

        public BenchDatabase(string path)
        {
            _options = new DbContextOptionsBuilder<BenchDbContext>().UseSqlite($"Data Source={path};Default Timeout=60")
                .AddInterceptors(Portal.Web.Data.DataChangeInterceptor.Instance).Options; // as every portal context: writes are counted
            using var db = new BenchDbContext(_options);
            db.Database.EnsureCreated();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        public DbContext CreateDbContext() => new BenchDbContext(_options);
    }

    private sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => ConnectionsModel.Configure(modelBuilder);
    }
}
