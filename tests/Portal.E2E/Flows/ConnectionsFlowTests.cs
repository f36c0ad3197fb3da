using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

/// <summary>Issue 6 acceptance 2-4: the Create Connection wizard, shared connections and revocation against the real Sandbox.</summary>
public sealed class ConnectionsFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Portal-demo-2026";

    [Fact]
    public async Task Alice_creates_a_shared_connection_bob_authorizes_it_with_his_own_account_and_revokes_only_his()
    {
        var alice = await browser.NewPageAsync();
        await alice.LoginAsync("alice@portal.local", DemoPassword);
        await alice.WaitForInteractiveAsync();
        await alice.GetByRole(AriaRole.Link, new() { Name = "Connections", Exact = true }).ClickAsync();
        await alice.GetByTestId("create-connection").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("service-card").First).ToBeVisibleAsync();
        await alice.ScreenshotAsync("connections-01-pick-service");

        await alice.GetByTestId("service-search").FillAsync("sheets");
        await alice.Locator("[data-service=sandbox_sheets]").ClickAsync();
        await alice.GetByTestId("connection-name").FillAsync("Team Sheets");
        await Assertions.Expect(alice.GetByTestId("link-name")).ToHaveValueAsync("team_sheets");
        await alice.GetByTestId("login-user-switch").Locator("xpath=self::input | .//input").CheckAsync();
        await Assertions.Expect(alice.GetByTestId("scope-sheets.read").Locator("xpath=self::input | .//input")).ToBeCheckedAsync();
        await Assertions.Expect(alice.GetByTestId("scope-sheets.write").Locator("xpath=self::input | .//input")).ToBeCheckedAsync();
        await alice.ScreenshotAsync("connections-02-details");

        await alice.GetByTestId("create-and-connect").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("consent-dialog")).ToContainTextAsync("sheets.write");
        await Assertions.Expect(alice.GetByTestId("consent-credentials")).ToContainTextAsync("Your own Sandbox Sheets account");
        await alice.ScreenshotAsync("connections-03-consent");

        var popup = await alice.RunAndWaitForPopupAsync(() => alice.GetByTestId("consent-connect").ClickAsync());
        await Assertions.Expect(alice.GetByTestId("connect-waiting")).ToBeVisibleAsync();
        await popup.SignInAtSandboxAsync("sam@sandbox.test", "connections-04-sandbox-login", "connections-05-sandbox-consent");
        await Assertions.Expect(alice.GetByTestId("wizard-connected")).ToBeVisibleAsync();
        await Assertions.Expect(alice.GetByTestId("snippet")).ToContainTextAsync("connection: \"team_sheets\"");
        await Assertions.Expect(alice.GetByTestId("open-in-editor")).ToBeVisibleAsync();
        await ShootLightAndDarkAsync(alice, "connections-06-connected");

        await alice.GetByTestId("view-connection").ClickAsync();
        await Assertions.Expect(Authorization(alice, "Alice").GetByTestId("status-chip")).ToHaveTextAsync("Connected");
        await alice.GotoAsync("/connections");
        await alice.WaitForInteractiveAsync();
        await Assertions.Expect(alice.GetByTestId("connections-table")).ToContainTextAsync("team_sheets");
        await alice.ScreenshotAsync("connections-07-my-connections");

        var bob = await browser.NewPageAsync();
        await bob.LoginAsync("bob@portal.local", DemoPassword);
        await bob.WaitForInteractiveAsync();
        await bob.GotoAsync("/connections");
        await bob.WaitForInteractiveAsync();
        await Assertions.Expect(bob.GetByTestId("create-connection")).ToHaveCountAsync(0);
        await bob.GetByRole(AriaRole.Tab, new() { Name = "Shared Connections" }).ClickAsync();
        var row = bob.GetByTestId("connections-table").Locator("tr", new() { HasText = "team_sheets" });
        await Assertions.Expect(row.GetByTestId("status-chip")).ToHaveTextAsync("Not connected");
        await ShootLightAndDarkAsync(bob, "connections-08-shared-not-connected");

        await row.GetByTestId("row-authorize").ClickAsync();
        await Assertions.Expect(bob.GetByTestId("consent-credentials")).ToContainTextAsync("Your own Sandbox Sheets account");
        await bob.ScreenshotAsync("connections-09-shared-consent");
        var bobPopup = await bob.RunAndWaitForPopupAsync(() => bob.GetByTestId("consent-connect").ClickAsync());
        await bobPopup.SignInAtSandboxAsync("riley@sandbox.test", null, null);
        await Assertions.Expect(row.GetByTestId("status-chip")).ToHaveTextAsync("Connected");
        await ShootLightAndDarkAsync(bob, "connections-10-shared-connected");

        await alice.GotoAsync("/connections/team_sheets");
        await alice.WaitForInteractiveAsync();
        await Assertions.Expect(alice.GetByTestId("authorization")).ToHaveCountAsync(2);
        // Each portal user's authorization names the Sandbox account they signed in with.
        await Assertions.Expect(Authorization(alice, "Alice").GetByTestId("status-chip")).ToHaveTextAsync("Connected");
        await Assertions.Expect(Authorization(alice, "Bob").GetByTestId("status-chip")).ToHaveTextAsync("Connected");
        await Assertions.Expect(Authorization(alice, "Alice").GetByTestId("authorization-identity")).ToHaveTextAsync("sam@sandbox.test");
        await Assertions.Expect(Authorization(alice, "Bob").GetByTestId("authorization-identity")).ToHaveTextAsync("riley@sandbox.test");
        await ShootLightAndDarkAsync(alice, "connections-11-details-two-authorizations");

        await bob.GotoAsync("/connections/team_sheets");
        await bob.WaitForInteractiveAsync();
        await bob.GetByTestId("details-revoke").ClickAsync();
        await bob.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(bob.GetByTestId("authorization").GetByTestId("status-chip")).ToHaveTextAsync("Revoked");
        await bob.ScreenshotAsync("connections-12-bob-revoked");

        await alice.ReloadAsync();
        await alice.WaitForInteractiveAsync();
        await Assertions.Expect(Authorization(alice, "Alice").GetByTestId("status-chip")).ToHaveTextAsync("Connected");
        await Assertions.Expect(Authorization(alice, "Bob").GetByTestId("status-chip")).ToHaveTextAsync("Revoked");
        await alice.ScreenshotAsync("connections-13-details-after-revoke");

        await ScreenshotsInDarkThemeAsync(alice);
    }

    [Fact]
    public async Task A_blocked_popup_offers_a_same_tab_fallback_that_returns_to_the_connected_connection()
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddInitScriptAsync("window.open = () => null;");
        await page.LoginAsync("alice@portal.local", DemoPassword);
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/connections/new?service=sandbox_sheets");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("connection-name").FillAsync("Blocked Popup Sheets");
        await Assertions.Expect(page.GetByTestId("link-name")).ToHaveValueAsync("blocked_popup_sheets");

        await page.GetByTestId("create-and-connect").ClickAsync();
        await page.GetByTestId("consent-connect").ClickAsync();
        await Assertions.Expect(page.GetByTestId("popup-blocked")).ToBeVisibleAsync();
        await ShootLightAndDarkAsync(page, "connections-14-popup-blocked");
        await page.GetByTestId("popup-fallback").ClickAsync();
        await page.SignInAtSandboxAsync("sam@sandbox.test", null, null);

        await page.WaitForURLAsync("**/connections/blocked_popup_sheets?authorized=1");
        await Assertions.Expect(page.GetByTestId("authorized-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("authorization").GetByTestId("status-chip")).ToHaveTextAsync("Connected");
        await page.ScreenshotAsync("connections-15-fallback-connected");
    }

    [Fact]
    public async Task An_admin_sets_up_a_default_service_and_a_developer_tests_a_custom_api_key_service()
    {
        var admin = await browser.NewPageAsync();
        await admin.LoginAsync(PortalServer.AdminEmail, PortalServer.AdminPassword);
        await admin.WaitForInteractiveAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Services", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("redirect-uri")).ToHaveTextAsync($"{browser.Portal.BaseUrl}/connections/oauth/callback");
        await admin.GetByTestId("needs-setup-filter").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("services-table")).Not.ToContainTextAsync("Sandbox Sheets");
        await ShootLightAndDarkAsync(admin, "connections-16-admin-services-needs-setup");

        await admin.Locator("[data-testid=configure-service][data-service=github]").ClickAsync();
        await admin.GetByTestId("client-id").FillAsync("portal-github-app");
        await admin.GetByTestId("client-secret").FillAsync("github-secret-value");
        await admin.ScreenshotAsync("connections-17-admin-configure-service");
        await admin.GetByTestId("configure-save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("services-table")).Not.ToContainTextAsync("GitHub");
        Assert.DoesNotContain("github-secret-value", await admin.ContentAsync());

        var alice = await browser.NewPageAsync();
        await alice.LoginAsync("alice@portal.local", DemoPassword);
        await alice.WaitForInteractiveAsync();
        await alice.GotoAsync("/connections/services/new");
        await alice.WaitForInteractiveAsync();
        await alice.GetByTestId("svc-name").FillAsync("Weather Desk");
        await Assertions.Expect(alice.GetByTestId("svc-id")).ToHaveValueAsync("weather_desk");
        await alice.GetByTestId("svc-save").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("svc-errors")).ToContainTextAsync("This URL is required");
        await alice.ScreenshotAsync("connections-18-custom-service-errors");

        await alice.GetByTestId("svc-auth-type").ClickAsync();
        await alice.GetByRole(AriaRole.Option, new() { Name = "API key" }).ClickAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "Add parameter" }).ClickAsync();
        var key = alice.GetByTestId("svc-key-row");
        await key.GetByLabel("Parameter name").FillAsync("X-Weather-Key");
        await key.GetByLabel("Label").FillAsync("Weather key");
        await alice.GetByTestId("svc-base-urls").FillAsync($"{browser.Portal.SandboxUrl}/api/weather/v1/");
        await alice.GetByTestId("svc-sample-url").FillAsync($"{browser.Portal.SandboxUrl}/api/weather/v1/forecast?city=Lisbon");
        await alice.GetByTestId("svc-save").ClickAsync();
        await alice.WaitForURLAsync("**/connections/services/weather_desk/edit");
        await alice.ScreenshotAsync("connections-19-custom-service-saved");

        await alice.GetByTestId("svc-test").ClickAsync();
        await alice.GetByTestId("apikey-X-Weather-Key").FillAsync("sandbox-weather-demo-key");
        await alice.GetByTestId("credentials-save").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("svc-test-result")).ToContainTextAsync("answered 200");
        await ShootLightAndDarkAsync(alice, "connections-20-custom-service-tested");
    }

    private static ILocator Authorization(IPage page, string user) => page.Locator($"[data-testid=authorization][data-user^='{user}']");

    /// <summary>The same state in both themes; the theme is a per-user preference, so it is switched back afterwards.</summary>
    private static async Task ShootLightAndDarkAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(name);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(name + "-dark");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForTimeoutAsync(300);
    }

    private static async Task ScreenshotsInDarkThemeAsync(IPage page)
    {
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync("connections-13-details-after-revoke-dark");
        await page.GotoAsync("/connections");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("connections-table")).ToContainTextAsync("team_sheets");
        await page.ScreenshotAsync("connections-07-my-connections-dark");
        await page.GotoAsync("/connections/new");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("service-card").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("connections-01-pick-service-dark");
        await page.Locator("[data-service=sandbox_sheets]").ClickAsync();
        await page.GetByTestId("connection-name").FillAsync("Team Sheets");
        await Assertions.Expect(page.GetByText("is not available (link names are unique across the portal)")).ToBeVisibleAsync();
        await page.ScreenshotAsync("connections-02-details-taken-dark");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForTimeoutAsync(300);
    }
}
