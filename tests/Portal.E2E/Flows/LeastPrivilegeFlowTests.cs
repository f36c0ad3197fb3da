using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Connections;
using Portal.Connections.Catalog;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.E2E.Infrastructure;
using Portal.Web.Data;
using ServiceDescriptor = Portal.Connections.Catalog.ServiceDescriptor;

namespace Portal.E2E.Flows;

/// <summary>Issue 15 acceptance 1, 2 and 7 in a real browser: the grant list, the refused service editor, where a key goes (SEC-33, SEC-34).</summary>
public sealed class LeastPrivilegeFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Alice = "alice@portal.local";
    private const string DemoPassword = "Portal-demo-2026";

    // SEC-33, SEC-34
    [Fact]
    public async Task The_admin_grants_alice_use_and_alice_can_neither_edit_his_service_nor_miss_who_made_it()
    {
        var adminId = await UserIdAsync(PortalServer.AdminEmail);
        var adminUser = new ConnectionsUser(adminId, IsAdmin: true, IsDeveloper: false);
        var services = browser.Portal.Services;
        var created = await services.GetRequiredService<IServiceCatalog>().CreateCustomAsync(new ServiceDescriptor
        {
            Id = "corp_e2e", DisplayName = "Corp API", Category = "Other", AuthType = ServiceAuthType.ApiKey,
            ApiKeyParameters = [new ApiKeyParameter { Name = "X-Corp-Key", Location = CredentialLocation.Header, Label = "Corp key" }],
            AllowedApiBaseUrls = [$"{browser.Portal.SandboxUrl}/api/echo/"],
        }, null, null, adminId);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        var manager = services.GetRequiredService<IConnectionManager>();
        Assert.True((await manager.CreateAsync(new CreateConnectionRequest { Name = "Corp", LinkName = "corp_e2e_conn", ServiceId = "corp_e2e" }, adminUser)).Succeeded);
        await services.GetRequiredService<IConnectionAuthorizer>().AuthorizeWithApiKeyAsync("corp_e2e_conn", adminId, new Dictionary<string, string> { ["X-Corp-Key"] = "corp-e2e-key-0d9f2c" });
        var aliceUser = new ConnectionsUser(await UserIdAsync(Alice), IsAdmin: false, IsDeveloper: true);
        Assert.True((await manager.CreateAsync(new CreateConnectionRequest { Name = "My corp", LinkName = "alice_corp_e2e", ServiceId = "corp_e2e" }, aliceUser)).Succeeded);

        var admin = await browser.NewPageAsync();
        await admin.LoginAsync(PortalServer.AdminEmail, PortalServer.AdminPassword);
        await admin.WaitForInteractiveAsync();
        await admin.GotoAsync("/connections/corp_e2e_conn");
        await admin.WaitForInteractiveAsync();
        await Assertions.Expect(admin.GetByTestId("use-grants-empty")).ToBeVisibleAsync();
        await admin.GetByTestId("use-grant-pick").ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = $"Alice Developer ({Alice})" }).ClickAsync();
        await admin.GetByTestId("use-grant-add").ClickAsync();
        await Assertions.Expect(admin.Locator($"[data-testid=use-grant][data-user='{Alice}']")).ToBeVisibleAsync();
        await admin.ScreenshotAsync("least-privilege-01-grant-list");

        var alice = await browser.NewPageAsync();
        await alice.LoginAsync(Alice, DemoPassword);
        await alice.WaitForInteractiveAsync();
        await alice.GotoAsync("/connections/services/corp_e2e/edit");
        await alice.WaitForInteractiveAsync();
        await Assertions.Expect(alice.GetByTestId("svc-refused")).ToContainTextAsync("Only the person who created this custom service and admins can change it");
        await Assertions.Expect(alice.GetByTestId("svc-save")).ToHaveCountAsync(0);
        await Assertions.Expect(alice.GetByTestId("svc-base-urls")).ToHaveCountAsync(0);
        await alice.ScreenshotAsync("least-privilege-02-service-edit-refused");

        await alice.GotoAsync("/connections/alice_corp_e2e");
        await alice.WaitForInteractiveAsync();
        await alice.GetByTestId("details-connect").ClickAsync();
        var destination = alice.GetByTestId("credentials-dialog").GetByTestId("credential-destination");
        await Assertions.Expect(destination.GetByTestId("service-creator")).ToHaveTextAsync("Administrator");
        await Assertions.Expect(destination.GetByTestId("credential-hosts")).ToHaveTextAsync(new Uri(browser.Portal.SandboxUrl).Authority);
        await alice.ScreenshotAsync("least-privilege-03-where-the-key-goes");
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = browser.Portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }
}
