using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Portal.Connections.Api;
using Portal.Connections.Credentials;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.Security;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>A minimal web host (TestServer) that plugs the engine in the way Portal.Web will.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, SqliteTestDatabase db, FakeUserDirectory users, CapturingLoggerProvider logs, FakeUsageSource usage, FakeTimeProvider time)
    {
        (App, Db, Users, Logs, Usage, Time) = (app, db, users, logs, usage, time);
    }

    public WebApplication App { get; }

    public SqliteTestDatabase Db { get; }

    public FakeUserDirectory Users { get; }

    public CapturingLoggerProvider Logs { get; }

    public FakeUsageSource Usage { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<TestHost> StartAsync(params string[] insecureOrigins)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Connections:EnableBackgroundRefresh"] = "false";
        for (var i = 0; i < insecureOrigins.Length; i++)
        {
            builder.Configuration[$"Connections:InsecureOriginExceptions:{i}"] = insecureOrigins[i];
        }

        var db = new SqliteTestDatabase();
        var users = new FakeUserDirectory();
        var logs = new CapturingLoggerProvider();
        var usage = new FakeUsageSource();
        var time = TestEngine.NewTime();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.Services.AddSingleton<IConnectionsDbContextFactory>(db);
        builder.Services.AddSingleton(users);
        builder.Services.AddSingleton<IConnectionsUserDirectory>(users);
        builder.Services.AddSingleton<IConnectionUsageSource>(usage);
        builder.Services.AddSingleton<IConnectionsAuditSink, RecordingAuditSink>();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IEgressHandlerFactory>(new EgressFactory(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }));
        builder.Services.AddAuthentication(o => o.DefaultScheme = TestCookieHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestCookieHandler>(TestCookieHandler.SchemeName, null);
        builder.Services.AddSingleton<IConnectionsWording, HostWording>();
        builder.Services.AddPortalConnections(builder.Configuration);
        builder.Services.Replace(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider()));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPortalConnections();
        await app.StartAsync();
        return new TestHost(app, db, users, logs, usage, time);
    }

    /// <summary>Registers a user with roles and returns an API client carrying a fresh personal access token.</summary>
    public async Task<HttpClient> ApiClientAsync(string userId, params string[] roles)
    {
        Users.Roles[userId] = roles;
        var token = await Services.GetRequiredService<PersonalAccessTokenService>().CreateAsync(userId, "tests");
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    /// <summary>A "browser" for the user: the test cookie plus any extra cookies.</summary>
    public HttpClient Browser(string userId, string? extraCookies = null)
    {
        Users.Roles.TryAdd(userId, [ConnectionsRoles.User]);
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Add("Cookie", $"test-user={userId}" + (extraCookies is null ? "" : "; " + extraCookies));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Db.Dispose();
    }
}
