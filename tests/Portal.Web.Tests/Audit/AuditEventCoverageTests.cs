using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Catalog;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Users;

namespace Portal.Web.Tests.Audit;

/// <summary>Every security event SEC-32 lists lands in the audit log, with who and what, and never the secret involved.</summary>
public sealed class AuditEventCoverageTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    private const string CanaryKey = "audit-canary-key-5b1f0c";
    private const string CanarySecret = "audit-canary-secret-77ad2e";

    // SEC-32
    [Fact]
    public async Task Connection_service_user_and_function_events_are_all_audited_without_secrets()
    {
        var admin = await PrincipalAsync(PortalWebFactory.AdminEmail);
        var alice = await PrincipalAsync("alice@portal.local");
        var aliceId = alice.FindFirstValue(ClaimTypes.NameIdentifier)!;
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;

        var connections = services.GetRequiredService<IConnectionManager>();
        await connections.CreateAsync(new CreateConnectionRequest { Name = "Audit weather", LinkName = "audit_weather", ServiceId = "sandbox_weather" }, ConnectionsUser.From(alice)!);
        await services.GetRequiredService<IConnectionAuthorizer>().AuthorizeWithApiKeyAsync("audit_weather", aliceId, new Dictionary<string, string> { ["X-Weather-Key"] = CanaryKey });
        await connections.RevokeAsync("audit_weather", ConnectionsUser.From(alice)!);
        await connections.DeleteAsync("audit_weather", ConnectionsUser.From(alice)!, force: true);
        await services.GetRequiredService<IServiceCatalog>().ConfigureDefaultAsync(
            "github", new DefaultServiceSettings { ClientId = "audit-client", ClientSecret = CanarySecret }, admin.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var bob = (await services.GetRequiredService<IUserAdminService>().ListAsync()).Single(u => u.Email == "bob@portal.local");
        await services.GetRequiredService<IUserAdminService>().SetRoleAsync(AuditActor.From(admin), bob.Id, Roles.Developer);
        var functions = services.GetRequiredService<IFunctionService>();
        var created = await functions.CreateAsync(alice, new FunctionDraft("Audit fn", "audit_fn", null, [], "return 1;"));
        await functions.UpdateAsync(alice, created.Function!.Id, "return 2;", [], created.Function.ConcurrencyStamp);
        await services.GetRequiredService<IFunctionRunner>().RunAsync(new FunctionRunRequest { FunctionId = created.Function.Id }, alice, FunctionRunOrigin.Editor);

        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var events = await db.AuditEvents.AsNoTracking().ToListAsync();

        string[] expected =
        [
            "connection.created", "connection.authorized", "connection.revoked", "connection.deleted", "service.edited",
            AuditActions.UserRoleChanged, FunctionAuditActions.Saved, FunctionAuditActions.Run,
        ];
        Assert.All(expected, action => Assert.Contains(events, e => e.Action == action));
        Assert.All(events.Where(e => e.Action.StartsWith("connection.", StringComparison.Ordinal)), e => Assert.Equal("alice@portal.local", e.ActorEmail));
        Assert.All(events, e =>
        {
            var row = string.Join("|", e.Action, e.ActorEmail, e.TargetType, e.TargetId, e.Details);
            Assert.DoesNotContain(CanaryKey, row, StringComparison.Ordinal);
            Assert.DoesNotContain(CanarySecret, row, StringComparison.Ordinal);
        });
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await principals.CreateAsync((await users.FindByEmailAsync(email))!);
    }
}
