using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

/// <summary>Issue 16 items 1-5: the Create Connection wizard in a real browser — URL state, the name field, key checks, the snippet in the editor.</summary>
public sealed class ConnectionWizardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string DemoPassword = "Portal-demo-2026";

    [Fact]
    public async Task Reload_back_and_forward_keep_every_wizard_step_and_a_reload_after_create_shows_the_created_connection()
    {
        var page = await SignedInAsync();
        await page.GotoAsync("/connections/new");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("service-card").First).ToBeVisibleAsync();
        await page.ShootPortalAsync("issue16-wizard-01-pick");

        await page.Locator("[data-service=sandbox_sheets]").ClickAsync();
        await page.WaitForURLAsync("**/connections/new?service=sandbox_sheets");
        var name = page.GetByTestId("connection-name");
        await Assertions.Expect(name).ToHaveValueAsync("");
        await Assertions.Expect(name).ToHaveAttributeAsync("placeholder", "Team Sandbox Sheets");
        await name.PressSequentiallyAsync("Wizard Sheets");
        await Assertions.Expect(page.GetByTestId("link-name")).ToHaveValueAsync("wizard_sheets");
        await Assertions.Expect(page.GetByTestId("link-name-preview")).ToContainTextAsync("connection: \"wizard_sheets\"");
        await page.WaitForURLAsync("**/connections/new?service=sandbox_sheets&name=Wizard%20Sheets");
        await page.ShootPortalAsync("issue16-wizard-02-details");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("connection-name")).ToHaveValueAsync("Wizard Sheets");
        await Assertions.Expect(page.GetByTestId("link-name")).ToHaveValueAsync("wizard_sheets");

        await page.GoBackAsync();
        await page.WaitForURLAsync("**/connections/new");
        await Assertions.Expect(page.GetByTestId("service-card").First).ToBeVisibleAsync();
        await page.GoForwardAsync();
        await page.WaitForURLAsync("**/connections/new?service=sandbox_sheets&name=Wizard%20Sheets");
        await Assertions.Expect(page.GetByTestId("connection-name")).ToHaveValueAsync("Wizard Sheets");

        await page.GetByTestId("create-and-connect").ClickAsync();
        await page.WaitForURLAsync("**/connections/wizard_sheets/connect");
        await Assertions.Expect(page.GetByTestId("consent-dialog")).ToBeVisibleAsync();
        await page.ShootPortalAsync("issue16-wizard-03-consent");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("connect-step")).ToContainTextAsync("“Wizard Sheets” was created");
        await Assertions.Expect(page.GetByTestId("create-and-connect")).ToHaveCountAsync(0);
        await page.ShootPortalAsync("issue16-wizard-04-connect");

        await page.GoBackAsync();
        await page.WaitForURLAsync("**/connections/new");
        await Assertions.Expect(page.GetByTestId("service-card").First).ToBeVisibleAsync();
        await page.GoForwardAsync();
        await page.WaitForURLAsync("**/connections/wizard_sheets/connect");
        await Assertions.Expect(page.GetByTestId("connect-step")).ToBeVisibleAsync();

        await page.GetByTestId("wizard-connect").ClickAsync();
        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("consent-connect").ClickAsync());
        await popup.SignInAtSandboxAsync("sam@sandbox.test");
        await Assertions.Expect(page.GetByTestId("wizard-connected")).ToBeVisibleAsync();
        await page.ShootPortalAsync("issue16-wizard-05-connected");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("wizard-connected")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("snippet")).ToContainTextAsync("connection: \"wizard_sheets\"");
        await page.GoBackAsync();
        await page.WaitForURLAsync("**/connections/new");
        await page.GoForwardAsync();
        await Assertions.Expect(page.GetByTestId("wizard-connected")).ToBeVisibleAsync();

        await page.GotoAsync("/connections");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("connections-table").Locator("tr", new() { HasText = "wizard_sheets" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_wrong_api_key_is_refused_with_the_providers_401_and_the_form_keeps_what_was_typed()
    {
        var page = await SignedInAsync();
        await page.GotoAsync("/connections/new?service=sandbox_weather");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("connection-name").FillAsync("Key Check Weather");
        await page.GetByTestId("apikey-X-Weather-Key").FillAsync("not-the-demo-key");

        await page.GetByTestId("create-and-connect").ClickAsync();

        await Assertions.Expect(page.GetByTestId("create-error")).ToContainTextAsync("The provider rejected this key (401)");
        await Assertions.Expect(page.GetByTestId("connection-name")).ToHaveValueAsync("Key Check Weather");
        Assert.Contains("/connections/new?service=sandbox_weather", page.Url, StringComparison.Ordinal);
        await page.ShootPortalAsync("issue16-wizard-06-wrong-key");

        // As a user does: leave the field (its value reaches the circuit) before clicking, and wait for the error to go.
        await page.GetByTestId("apikey-X-Weather-Key").FillAsync("sandbox-weather-demo-key");
        await page.GetByTestId("apikey-X-Weather-Key").BlurAsync();
        await page.GetByTestId("create-and-connect").ClickAsync();
        await Assertions.Expect(page.GetByTestId("create-error")).ToHaveCountAsync(0);
        await page.WaitForURLAsync("**/connections/key_check_weather/connect");
        await Assertions.Expect(page.GetByTestId("wizard-connected")).ToBeVisibleAsync();
        await page.GotoAsync("/connections/key_check_weather");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("authorization").GetByTestId("status-chip")).ToHaveTextAsync("Connected");
    }

    [Fact]
    public async Task Open_in_function_editor_puts_the_connections_sample_into_a_new_function_or_on_top_of_an_existing_one()
    {
        var page = await SignedInAsync();
        await page.GotoAsync("/connections/new?service=sandbox_weather");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("connection-name").FillAsync("Snippet Weather");
        await page.GetByTestId("apikey-X-Weather-Key").FillAsync("sandbox-weather-demo-key");
        await page.GetByTestId("create-and-connect").ClickAsync();
        await Assertions.Expect(page.GetByTestId("wizard-connected")).ToBeVisibleAsync();

        await page.GetByTestId("open-in-editor").ClickAsync();
        await Assertions.Expect(page.GetByTestId("open-in-editor-dialog")).ToBeVisibleAsync();
        await page.GetByTestId("editor-new-name").FillAsync("Lisbon Forecast");
        await page.ShootPortalAsync("issue16-editor-01-choose-new");
        await page.GetByTestId("editor-open").ClickAsync();
        await page.WaitForURLAsync("**/functions/lisbon_forecast");
        await page.WaitForEditorAsync();
        var created = await page.EvaluateAsync<string>("() => portalFunctionEditor.getValue('function-code')");
        Assert.Contains("connection: \"snippet_weather\"", created, StringComparison.Ordinal);
        Assert.Contains("/api/weather/v1/forecast?city=Lisbon", created, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello from", created, StringComparison.Ordinal);
        await page.ShootPortalAsync("issue16-editor-02-new-function-with-snippet");

        await page.CreateFunctionAsync("Existing Report", "existing_report");
        await page.GotoAsync("/connections/snippet_weather");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("open-in-editor").ClickAsync();
        await page.GetByTestId("editor-target-existing").ClickAsync();
        await page.GetByTestId("editor-existing-function").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Existing Report (existing_report)" }).ClickAsync();
        await page.ShootPortalAsync("issue16-editor-03-choose-existing");
        await page.GetByTestId("editor-open").ClickAsync();
        await page.WaitForURLAsync("**/functions/existing_report?connection=snippet_weather");
        await page.WaitForEditorAsync();
        var inserted = await page.EvaluateAsync<string>("() => portalFunctionEditor.getValue('function-code')");
        Assert.StartsWith("response = invokeUrl", inserted, StringComparison.Ordinal);
        Assert.Contains("connection: \"snippet_weather\"", inserted, StringComparison.Ordinal);
        Assert.Contains("Hello from existing_report", inserted, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("editor-state")).ToContainTextAsync("Unsaved changes");
        await page.ShootPortalAsync("issue16-editor-04-existing-function-with-snippet");
    }

    [Fact]
    public async Task A_user_who_has_not_authorized_a_shared_connection_is_told_so_and_never_that_nobody_has()
    {
        var alice = await SignedInAsync();
        await alice.GotoAsync("/connections/new?service=sandbox_weather");
        await alice.WaitForInteractiveAsync();
        await alice.GetByTestId("connection-name").FillAsync("Shared Weather");
        await alice.GetByTestId("login-user-switch").Locator("xpath=self::input | .//input").CheckAsync();
        await alice.GetByTestId("apikey-X-Weather-Key").FillAsync("sandbox-weather-demo-key");
        await alice.GetByTestId("create-and-connect").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("wizard-connected")).ToBeVisibleAsync();

        var bob = await SignedInAsync("bob@portal.local");
        await bob.GotoAsync("/connections/shared_weather");
        await bob.WaitForInteractiveAsync();

        await Assertions.Expect(bob.GetByTestId("viewer-status"))
            .ToHaveTextAsync("You have not authorized it yet. Click Connect to use it with your own Sandbox Weather account.");
        await alice.GotoAsync("/connections/shared_weather");
        await alice.WaitForInteractiveAsync();
        await Assertions.Expect(alice.GetByTestId("viewer-status"))
            .ToHaveTextAsync("You have authorized it: functions can call Sandbox Weather with your authorization.");
        await Assertions.Expect(bob.GetByText("Nobody has authorized")).ToHaveCountAsync(0);
        await bob.ShootPortalAsync("issue16-details-01-shared-not-yet-authorized");
    }

    private async Task<IPage> SignedInAsync(string email = "alice@portal.local")
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync(email, DemoPassword);
        await page.WaitForInteractiveAsync();
        return page;
    }
}
