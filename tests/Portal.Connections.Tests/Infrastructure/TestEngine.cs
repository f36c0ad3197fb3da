using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Portal.Connections.Api;
using Portal.Connections.Catalog;
using Portal.Connections.Credentials;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Connections.Security;
using Portal.Connections.Tokens;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>The engine wired through AddPortalConnections with test doubles for the host's seams.</summary>
internal sealed class TestEngine : IDisposable
{
    public const string Owner = "owner-1";
    public const string Admin = "admin-1";
    public const string RedirectUri = "https://portal.test/connections/oauth/callback";

    private TestEngine(ServiceProvider services, ITestDatabase db, FakeTimeProvider time, CapturingLoggerProvider logs,
        RecordingAuditSink audit, FakeUsageSource usage)
    {
        (Services, Db, Time, Logs, Audit, Usage) = (services, db, time, logs, audit, usage);
    }

    public ServiceProvider Services { get; }

    public ITestDatabase Db { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public RecordingAuditSink Audit { get; }

    public FakeUsageSource Usage { get; }

    public ServiceCatalog Catalog => Services.GetRequiredService<ServiceCatalog>();

    public ConnectionManager Connections => Services.GetRequiredService<ConnectionManager>();

    public OAuthFlowService Flow => Services.GetRequiredService<OAuthFlowService>();

    public TokenRefresher Refresher => Services.GetRequiredService<TokenRefresher>();

    public CredentialResolver Resolver => Services.GetRequiredService<CredentialResolver>();

    public PersonalAccessTokenService Tokens => Services.GetRequiredService<PersonalAccessTokenService>();

    internal SecretProtector Protector => Services.GetRequiredService<SecretProtector>();

    public static FakeTimeProvider NewTime() => new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public static ConnectionsUser Developer(string id = Owner) => new(id, false, true);

    public static ConnectionsUser PlainUser(string id) => new(id, false, false);

    public static ConnectionsUser AdminUser => new(Admin, true, false);

    public static TestEngine Create(IEnumerable<string>? insecureOrigins = null, Func<HttpMessageHandler>? network = null, Action<IServiceCollection>? configure = null, FakeTimeProvider? time = null, ITestDatabase? sharedDb = null,
        TestDatabaseKind database = TestDatabaseKind.Sqlite)
    {
        var settings = new Dictionary<string, string?> { ["Connections:EnableBackgroundRefresh"] = "false" };
        var i = 0;
        foreach (var origin in insecureOrigins ?? [])
        {
            settings[$"Connections:InsecureOriginExceptions:{i++}"] = origin;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var db = sharedDb ?? TestDatabases.Create(database);
        time ??= NewTime();
        var logs = new CapturingLoggerProvider();
        var audit = new RecordingAuditSink();
        var usage = new FakeUsageSource();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IConnectionsDbContextFactory>(db);
        services.AddSingleton<IConnectionsAuditSink>(audit);
        services.AddSingleton<IConnectionUsageSource>(usage);
        services.AddSingleton<IEgressHandlerFactory>(new EgressFactory(network ?? (() => new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })));
        services.AddPortalConnections(configuration);
        services.Replace(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider()));
        configure?.Invoke(services);
        return new TestEngine(services.BuildServiceProvider(), db, time, logs, audit, usage) { OwnsDatabase = sharedDb is null };
    }

    public async Task AddServiceAsync(Catalog.ServiceDescriptor descriptor, string? clientId = "client-1", string? clientSecret = "client-secret-1")
    {
        var result = await Catalog.CreateCustomAsync(descriptor, clientId, clientSecret, Admin);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    public async Task<ConnectionSummary> CreateConnectionAsync(string serviceId, string link, ConnectionMode mode = ConnectionMode.OwnerCredentials,
        string owner = Owner, IReadOnlyList<string>? scopes = null)
    {
        var result = await Connections.CreateAsync(new CreateConnectionRequest { Name = link, LinkName = link, ServiceId = serviceId, Scopes = scopes, Mode = mode }, Developer(owner));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Connection!;
    }

    /// <summary>Stores tokens as a completed consent would.</summary>
    public async Task<Guid> SeedTokensAsync(string link, string userId, string access, string? refresh, DateTimeOffset? expiresAt)
    {
        var store = Services.GetRequiredService<AuthorizationStore>();
        var connection = await FindConnectionAsync(link);
        var row = await store.SaveTokensAsync(connection.Id, userId, new TokenOutcome(TokenOutcomeKind.Success, access, refresh, expiresAt), [], default);
        return row.Id;
    }

    /// <summary>Lets functions of <paramref name="grantee"/> use the connection (SEC-33), as its owner would on the connection page.</summary>
    public async Task GrantUseAsync(string link, string grantee)
    {
        var connection = await FindConnectionAsync(link);
        await using var db = Db.CreateDbContext();
        db.Add(new ConnectionUseGrantEntity { Id = Guid.NewGuid(), ConnectionId = connection.Id, GranteeUserId = grantee, GrantedByUserId = connection.OwnerUserId, GrantedAt = Time.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    public async Task<ConnectionEntity> FindConnectionAsync(string link)
    {
        await using var db = Db.CreateDbContext();
        return await db.Set<ConnectionEntity>().AsNoTracking().SingleAsync(c => c.LinkName == link);
    }

    public async Task<ConnectionAuthorizationEntity?> ReadAuthorizationAsync(string link, string userId)
    {
        var connection = await FindConnectionAsync(link);
        await using var db = Db.CreateDbContext();
        return await db.Set<ConnectionAuthorizationEntity>().AsNoTracking().SingleOrDefaultAsync(a => a.ConnectionId == connection.Id && a.UserId == userId);
    }

    public string? Decrypt(SecretKind kind, ConnectionAuthorizationEntity row) => kind switch
    {
        SecretKind.AccessToken => Protector.UnprotectOptional(kind, row.Id, row.AccessTokenCiphertext),
        SecretKind.RefreshToken => Protector.UnprotectOptional(kind, row.Id, row.RefreshTokenCiphertext),
        _ => Protector.UnprotectOptional(kind, row.Id, row.SecretCiphertext),
    };

    public HttpClient InvokeClient() => Services.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectionsHttpClients.Invoke);

    public bool OwnsDatabase { get; init; } = true;

    public void Dispose()
    {
        Services.Dispose();
        if (OwnsDatabase)
        {
            Db.Dispose();
        }
    }
}
