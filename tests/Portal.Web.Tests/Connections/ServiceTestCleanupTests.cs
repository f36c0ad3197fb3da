using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.ConnectionsUi;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Connections;

/// <summary>Issue 16 item 7: a service's Test button leaves no connection and one audit entry, over the real engine and database.</summary>
public sealed class ServiceTestCleanupTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    [Fact]
    public async Task A_service_test_leaves_no_connection_and_only_one_service_tested_audit_entry()
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider.GetRequiredService<IServicesUi>();
        var connections = scope.ServiceProvider.GetRequiredService<IConnectionsUi>();
        var portalDb = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var alice = await UserAsync(portalDb, "alice@portal.local");
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        var begun = await services.BeginTestAsync("sandbox_weather", alice);
        var link = begun.Connection!.LinkName;
        var key = new CredentialInput();
        key.ApiKeys["X-Weather-Key"] = "sandbox-weather-demo-key";
        var authorized = await connections.AuthorizeDirectAsync(link, alice, key);
        var listedDuringTest = (await connections.PageAsync(alice, ConnectionListScope.My, new ConnectionListQuery())).Rows.Any(r => r.LinkName == link);
        await services.EndTestAsync("sandbox_weather", link, alice, "succeeded");

        await using var db = await portalDb.CreateDbContextAsync();
        var entries = (await db.AuditEvents.AsNoTracking().ToListAsync()).Where(e => e.At >= since).ToList();
        Assert.True(begun.Succeeded);
        Assert.True(authorized.Succeeded, authorized.Error);
        Assert.False(listedDuringTest);
        Assert.Null(await connections.GetAsync(link, alice));
        Assert.DoesNotContain(entries, e => e.TargetId == link);
        var tested = Assert.Single(entries, e => e.Action == ServicesUi.ServiceTestedAction);
        Assert.Equal("sandbox_weather", tested.TargetId);
        Assert.Equal("succeeded", tested.Details);
    }

    private static async Task<ConnectionsUser> UserAsync(IDbContextFactory<PortalDbContext> factory, string email)
    {
        await using var db = await factory.CreateDbContextAsync();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return new ConnectionsUser(user.Id, IsAdmin: false, IsDeveloper: true);
    }
}
