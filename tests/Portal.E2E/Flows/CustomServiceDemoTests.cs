using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

/// <summary>Issue 16 items 6-8: flow 2 completed offline from the UI alone, with the demo client Sandbox Cloud's home page shows.</summary>
public sealed class CustomServiceDemoTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Portal-demo-2026";

    [Fact]
    public async Task Sandbox_clouds_home_page_shows_the_demo_weather_key_and_a_demo_oauth_client()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(browser.Portal.SandboxUrl + "/");

        await Assertions.Expect(page.GetByTestId("demo-weather-key")).ToHaveTextAsync("sandbox-weather-demo-key");
        await Assertions.Expect(page.GetByTestId("demo-client-id")).ToHaveTextAsync("sandbox-demo-client");
        await Assertions.Expect(page.GetByTestId("demo-client-secret")).ToHaveTextAsync("sandbox-demo-secret");
        await Assertions.Expect(page.GetByTestId("demo-credentials")).ToContainTextAsync($"{browser.Portal.BaseUrl}/connections/oauth/callback");
        await page.ShootWithColorSchemeAsync("issue16-sandbox-home");
    }

    [Fact]
    public async Task A_custom_oauth_service_with_the_demo_client_signs_in_at_the_sandbox_and_its_test_leaves_no_connection()
    {
        var page = await SignedInAsync();
        await StartServiceAsync(page, "Demo Cloud Sheets");
        await page.GetByTestId("svc-client-id").FillAsync("sandbox-demo-client");
        await page.GetByTestId("svc-client-secret").FillAsync("sandbox-demo-secret");
        await page.GetByTestId("svc-authorize-url").FillAsync($"{browser.Portal.SandboxUrl}/connect/authorize");
        await page.GetByTestId("svc-token-url").FillAsync($"{browser.Portal.SandboxUrl}/connect/token");
        await ScopeAsync(page, "sheets.read", "See your spreadsheets");
        await page.GetByTestId("svc-base-urls").FillAsync($"{browser.Portal.SandboxUrl}/api/sheets/v1/");
        await page.GetByTestId("svc-sample-url").FillAsync($"{browser.Portal.SandboxUrl}/api/sheets/v1/spreadsheets");
        await Assertions.Expect(page.GetByTestId("svc-redirect-uri")).ToHaveTextAsync($"{browser.Portal.BaseUrl}/connections/oauth/callback");
        await page.GetByTestId("svc-save").ClickAsync();
        await page.WaitForURLAsync("**/connections/services/demo_cloud_sheets/edit");
        await page.ShootPortalAsync("issue16-custom-01-oauth-code-form");

        await page.GetByTestId("svc-test").ClickAsync();
        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("consent-connect").ClickAsync());
        await popup.SignInAtSandboxAsync("sam@sandbox.test");

        await Assertions.Expect(page.GetByTestId("svc-test-result")).ToContainTextAsync("answered 200");
        await Assertions.Expect(page.GetByTestId("svc-test-result")).ToContainTextAsync("The test connection was removed again.");
        await page.ShootPortalAsync("issue16-custom-02-oauth-code-tested");
        await page.GotoAsync("/connections");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("connections-table")).Not.ToContainTextAsync("demo_cloud_sheets_test");
        await Assertions.Expect(page.GetByText("Test of demo_cloud_sheets")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_client_credentials_service_shows_only_its_grants_fields_and_services_flags_a_failing_token_call()
    {
        var page = await SignedInAsync();
        await StartServiceAsync(page, "Demo Cloud Robot");
        await page.GetByTestId("svc-auth-type").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "OAuth 2.0 — client credentials (no user)" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("svc-client-credentials-note")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("svc-redirect-uri")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("svc-pkce")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("svc-authorize-options")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("svc-authorize-url")).ToHaveCountAsync(0);
        await page.GetByTestId("svc-client-id").FillAsync("sandbox-demo-client");
        await page.GetByTestId("svc-client-secret").FillAsync("not-the-demo-secret");
        await page.GetByTestId("svc-token-url").FillAsync($"{browser.Portal.SandboxUrl}/connect/token");
        await ScopeAsync(page, "echo.read", "Read the echo API");
        await page.GetByTestId("svc-base-urls").FillAsync($"{browser.Portal.SandboxUrl}/api/echo/");
        await page.GetByTestId("svc-sample-url").FillAsync($"{browser.Portal.SandboxUrl}/api/echo/hello");
        await page.GetByTestId("svc-save").ClickAsync();
        await page.WaitForURLAsync("**/connections/services/demo_cloud_robot/edit");
        await page.ShootPortalAsync("issue16-custom-03-client-credentials-form");

        await page.GetByTestId("svc-test").ClickAsync();
        await Assertions.Expect(page.GetByTestId("svc-test-result")).ToContainTextAsync("did not issue a token");

        var admin = await browser.NewPageAsync();
        await admin.LoginAsync(PortalServer.AdminEmail, PortalServer.AdminPassword);
        await admin.WaitForInteractiveAsync();
        await admin.GotoAsync("/admin/services");
        await admin.WaitForInteractiveAsync();
        var row = admin.GetByTestId("services-table").Locator("tr", new() { HasText = "Demo Cloud Robot" });
        await Assertions.Expect(row.GetByTestId("service-status")).ToHaveTextAsync("Token request fails");
        await admin.ShootPortalAsync("issue16-custom-04-services-token-fails");

        await page.GetByTestId("svc-client-secret").FillAsync("sandbox-demo-secret");
        await page.GetByTestId("svc-test").ClickAsync();
        await Assertions.Expect(page.GetByTestId("svc-test-result")).ToContainTextAsync("answered 200");
        await page.ShootPortalAsync("issue16-custom-05-client-credentials-tested");
        await admin.ReloadAsync();
        await admin.WaitForInteractiveAsync();
        await Assertions.Expect(row.GetByTestId("service-status")).ToHaveTextAsync("Ready");
    }

    private async Task<IPage> SignedInAsync()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("alice@portal.local", DemoPassword);
        await page.WaitForInteractiveAsync();
        return page;
    }

    private static async Task StartServiceAsync(IPage page, string name)
    {
        await page.GotoAsync("/connections/services/new");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("svc-name").FillAsync(name);
    }

    private static async Task ScopeAsync(IPage page, string scope, string description)
    {
        var row = page.GetByTestId("svc-scope-row").First;
        await row.GetByRole(AriaRole.Textbox, new() { Name = "Scope", Exact = true }).FillAsync(scope);
        await row.GetByLabel("What it allows").FillAsync(description);
        await row.Locator("input[type=checkbox]").CheckAsync();
    }
}
