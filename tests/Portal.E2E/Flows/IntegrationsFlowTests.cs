using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.E2E.Infrastructure;
using Portal.Web.Data;
using Portal.Web.Functions;

namespace Portal.E2E.Flows;

/// <summary>Issue 9 acceptance 4: an admin binds zoho.crm to the Sandbox CRM in the browser; a developer's run shows it ran as the admin.</summary>
public sealed class IntegrationsFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Alice = "alice@portal.local";
    private const string Password = "Portal-demo-2026";

    [Fact]
    public async Task The_admin_authorizes_and_binds_zoho_crm_and_alices_run_is_marked_as_running_as_the_admin()
    {
        await CreateCrmConnectionAsync();
        await CreateFunctionAsync();
        var admin = await browser.NewPageAsync();
        await admin.LoginAsync(PortalServer.AdminEmail, PortalServer.AdminPassword);
        await admin.WaitForInteractiveAsync();

        await admin.GetByRole(AriaRole.Link, new() { Name = "Integrations", Exact = true }).ClickAsync();
        var card = admin.Locator("[data-testid=integration-card][data-namespace='zoho.crm']");
        await Assertions.Expect(card.GetByTestId("integration-status")).ToContainTextAsync("Not bound");
        await Assertions.Expect(card.GetByTestId("integration-bind")).ToBeDisabledAsync();
        await admin.ScreenshotAsync("integrations-01-not-bound");

        await card.GetByTestId("integration-authorize").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("consent-dialog")).ToContainTextAsync("ZohoCRM.modules.ALL");
        var popup = await admin.RunAndWaitForPopupAsync(() => admin.GetByTestId("consent-connect").ClickAsync());
        await popup.Locator("#email").FillAsync("sam@sandbox.test");
        await popup.Locator("#password").FillAsync("Sandbox!2026");
        await popup.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await popup.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await Assertions.Expect(card.GetByTestId("integration-bind")).ToBeEnabledAsync(new() { Timeout = 30_000 });

        await card.GetByTestId("integration-bind").ClickAsync();
        await Assertions.Expect(card.GetByTestId("integration-status")).ToContainTextAsync($"Bound to “CRM Org” authorized as {PortalServer.AdminEmail}");
        await card.GetByTestId("integration-test").ClickAsync();
        await Assertions.Expect(card.GetByTestId("integration-test-result")).ToContainTextAsync("returned a list of 1 record(s) (HTTP 200)", new() { Timeout = 30_000 });
        await admin.ScreenshotAsync("integrations-02-bound-and-tested");

        var alice = await browser.NewPageAsync();
        await alice.LoginAsync(Alice, Password);
        await alice.WaitForInteractiveAsync();
        await alice.GotoAsync("/functions/crm_lead_count");
        await alice.WaitForInteractiveAsync();
        await Assertions.Expect(alice.GetByTestId("run-button")).ToBeEnabledAsync();
        await alice.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("run-info")).ToContainTextAsync("leads on the first page: 5", new() { Timeout = 30_000 });
        await Assertions.Expect(alice.GetByTestId("trace-ran-as")).ToHaveTextAsync("as admin");
        await Assertions.Expect(alice.GetByTestId("trace-ran-as")).ToHaveAttributeAsync("title", $"Ran as admin ({PortalServer.AdminEmail}) via integration zoho.crm");
        await Assertions.Expect(alice.GetByTestId("trace-url")).ToContainTextAsync("/crm/v8/Leads?page=1&per_page=5");
        await alice.GetByTestId("trace-entry").Locator(".mud-expand-panel-header").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("trace-entry").GetByText("ran as admin", new() { Exact = false })).ToBeVisibleAsync();
        await alice.WaitForTimeoutAsync(400); // the panel's expand animation
        await alice.ScreenshotAsync("integrations-04-trace-expanded");

        // Monaco colours zoho.crm.getRecords as one token; hover its last word.
        var task = alice.Locator("#function-code .view-line").GetByText("zoho.crm.getRecords", new() { Exact = true }).First;
        var box = (await task.BoundingBoxAsync())!;
        await task.HoverAsync(new() { Position = new() { X = box.Width - 12, Y = box.Height / 2 } });
        await Assertions.Expect(alice.Locator(".monaco-hover").First).ToContainTextAsync("zoho.crm.getRecords(module, page?, per_page?, query_map?, connection?) → LIST");
        await Assertions.Expect(alice.Locator(".monaco-hover").First).ToContainTextAsync("runs with the authorization of the admin who bound");
        await alice.ScreenshotAsync("integrations-05-hover");
        await alice.Locator("#function-code .view-lines").ClickAsync();
        await alice.Keyboard.PressAsync("Control+End");
        await alice.Keyboard.PressAsync("Enter");
        await alice.Keyboard.TypeAsync("x = zoho.crm.get");
        await Assertions.Expect(alice.Locator("#function-code .suggest-widget.visible")).ToContainTextAsync("getRecordById");
        await alice.ScreenshotAsync("integrations-06-completion");
        await alice.ScreenshotAsync("integrations-03-run-trace-as-admin");
    }

    private async Task CreateCrmConnectionAsync()
    {
        var adminUser = await PrincipalAsync(PortalServer.AdminEmail);
        var created = await browser.Portal.Services.GetRequiredService<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Name = "CRM Org", LinkName = "crm_org", ServiceId = "sandbox_crm", Scopes = ["ZohoCRM.modules.ALL"], Mode = ConnectionMode.LoginUserCredentials },
            ConnectionsUser.From(adminUser)!);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
    }

    private async Task CreateFunctionAsync()
    {
        using var scope = browser.Portal.Services.CreateScope();
        var code = "leads = zoho.crm.getRecords(\"Leads\", 1, 5);\ninfo \"leads on the first page: \" + leads.size();\nreturn leads.get(0).get(\"Last_Name\");";
        var result = await scope.ServiceProvider.GetRequiredService<IFunctionService>()
            .CreateAsync(await PrincipalAsync(Alice), new FunctionDraft("CRM lead count", "crm_lead_count", "Reads leads with zoho.crm", [], code));
        Assert.True(result.Function is not null, "the function was not created");
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        using var scope = browser.Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await principals.CreateAsync((await users.FindByEmailAsync(email))!);
    }
}
