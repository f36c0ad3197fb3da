using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.Sandbox;
using Portal.Web.Sandbox;

namespace Portal.E2E.Flows;

/// <summary>Issue 7 acceptance 2-4: functions calling the real Sandbox through connections, run as the logged-in user.</summary>
public sealed class FunctionsWithConnectionsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Alice = "alice@portal.local";
    private const string Bob = "bob@portal.local";
    private const string Password = "Portal-demo-2026";


    // Team Sheets is shared by two tests of this class; xunit runs them one after the other on the same server.
    private static readonly SemaphoreSlim TeamSheetsGate = new(1, 1);
    private static bool teamSheetsCreated;

    [Fact]
    public async Task Alice_appends_a_row_through_her_Team_Sheets_connection_and_the_row_lands_in_her_sandbox_sheet()
    {
        var page = await NewAlicePageAsync();
        await EnsureTeamSheetsAsync(page);
        var samSheet = (await SandboxAsync().GetSpreadsheetsAsync("sam@sandbox.test"))[0];
        await page.CreateFunctionAsync("Append row", "append_row");
        await page.SetCodeAsync("");
        await page.Locator("#function-code .view-lines").ClickAsync();
        await page.Keyboard.TypeAsync("info \"appending\";");
        await page.Keyboard.PressAsync("Enter");

        await page.GetByTestId("insert-invokeurl").ClickAsync();
        await page.GetByTestId("invoke-connection").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "team_sheets" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("invoke-url")).ToHaveValueAsync($"{browser.Portal.SandboxUrl}/api/sheets/v1/");
        await page.GetByTestId("invoke-method").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "POST", Exact = true }).ClickAsync();
        await page.GetByTestId("invoke-url").FillAsync($"{browser.Portal.SandboxUrl}/api/sheets/v1/spreadsheets/{samSheet.Id}/rows");
        await AddParameterAsync(page, 0, "Month", "November");
        await AddParameterAsync(page, 1, "Amount", "1234");
        await Assertions.Expect(page.GetByTestId("invoke-preview")).ToContainTextAsync("connection: \"team_sheets\"");
        await Assertions.Expect(page.GetByTestId("invoke-preview")).ToContainTextAsync("type: POST");
        await page.ScreenshotAsync("functions-connections-01-insert-invokeurl");
        await page.GetByTestId("invoke-insert").ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem-count")).ToHaveTextAsync(new Regex("No problems"));
        await page.GetByTestId("run-button").ClickAsync();

        await Assertions.Expect(page.GetByTestId("trace-status")).ToHaveTextAsync("201", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("run-info")).ToContainTextAsync("appending");
        await Assertions.Expect(page.GetByTestId("run-info")).ToContainTextAsync("\"Month\":\"November\"");
        await Assertions.Expect(page.GetByTestId("run-info")).ToContainTextAsync("\"Amount\":\"1234\"");
        await page.GetByTestId("trace-entry").ClickAsync();
        await Assertions.Expect(page.GetByTestId("trace-headers").First).ToContainTextAsync("Authorization");
        await Assertions.Expect(page.GetByTestId("trace-headers").First).ToContainTextAsync("••••");
        await page.WaitForTimeoutAsync(600);
        await page.ScreenshotAsync("functions-connections-02-append-row-trace");
        var rows = (await SandboxAsync().GetSpreadsheetsAsync("sam@sandbox.test")).Single(s => s.Id == samSheet.Id).Rows;
        Assert.Contains(rows, row => row.GetValueOrDefault("Month") == "November" && row.GetValueOrDefault("Amount") == "1234");

        // The snippet ends with an empty line 13; a syntax error typed there is marked on that line.
        await page.Locator("#function-code .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("total = ;");
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Line 13");
        await Assertions.Expect(page.Locator("#function-code .squiggly-error").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_seed_sample_shows_two_located_errors_and_once_fixed_runs_against_Sandbox_Echo_through_mine()
    {
        var page = await NewAlicePageAsync();
        await CreateConnectionAsync(page, "echo", "sandbox_echo", "Mine", "mine", shared: false, "sam@sandbox.test");
        await Assertions.Expect(page.GetByTestId("snippet")).ToContainTextAsync("connection: \"mine\"");
        await page.CreateFunctionAsync("Kaizen echo", "kaizen_echo");

        await page.SetCodeAsync(SeedScripts.KaizenSample);
        await Assertions.Expect(page.GetByTestId("problem")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("problem").Nth(0)).ToContainTextAsync("Line 6");
        await Assertions.Expect(page.GetByTestId("problem").Nth(1)).ToContainTextAsync("Line 12");
        await page.ScreenshotAsync("functions-connections-03-seed-errors");
        var fixedCode = SeedScripts.KaizenSample
            .Replace("response = invokeUrl [\n", $"response = invokeUrl [\nurl: \"{browser.Portal.SandboxUrl}/api/echo/kaizen\"\n", StringComparison.Ordinal)
            .Replace("connection: \"mine\"\n", "connection: \"mine\"\n];\n", StringComparison.Ordinal);
        await page.SetCodeAsync(fixedCode);
        await Assertions.Expect(page.GetByTestId("problem-count")).ToHaveTextAsync(new Regex("No problems"));
        await page.GetByTestId("run-button").ClickAsync();

        var output = page.GetByTestId("run-info");
        await Assertions.Expect(output).ToContainTextAsync("\"method\":\"POST\"", new() { Timeout = 30_000 });
        await Assertions.Expect(output).ToContainTextAsync("/api/echo/kaizen");
        await Assertions.Expect(output).ToContainTextAsync("\"this goes in the body\":\"body\"");
        await Assertions.Expect(output).ToContainTextAsync("sam@sandbox.test");
        await Assertions.Expect(page.GetByTestId("trace-status")).ToHaveTextAsync("200");
        await page.ScreenshotAsync("functions-connections-04-seed-fixed-echo");
    }

    [Fact]
    public async Task Bob_is_told_to_authorize_the_shared_connection_and_then_runs_with_his_own_sandbox_identity()
    {
        var alice = await NewAlicePageAsync();
        await EnsureTeamSheetsAsync(alice);
        await alice.CreateFunctionAsync("List sheets", "list_sheets");
        await alice.SetCodeAsync($"response = invokeUrl\n[\n\turl: \"{browser.Portal.SandboxUrl}/api/sheets/v1/spreadsheets\"\n\ttype: GET\n\tconnection: \"team_sheets\"\n];\ninfo response;\nreturn response;");
        await Assertions.Expect(alice.GetByTestId("problem-count")).ToHaveTextAsync(new Regex("No problems"));
        await alice.GetByTestId("save-function").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("editor-state")).ToContainTextAsync("Version 2");

        var bob = await browser.NewPageAsync();
        await bob.LoginAsync(Bob, Password);
        await bob.WaitForInteractiveAsync();
        await OpenFunctionAsync(bob, "list_sheets");
        await bob.GetByTestId("run-button").ClickAsync();

        var error = bob.GetByTestId("run-error");
        await Assertions.Expect(error).ToContainTextAsync("team_sheets", new() { Timeout = 30_000 });
        // The fix is an in-app link named after the connection, not a raw path opening a new tab (issue 16 item 10).
        await Assertions.Expect(error.GetByTestId("run-error-link")).ToHaveAttributeAsync("href", "/connections/team_sheets");
        Assert.Null(await error.GetByTestId("run-error-link").GetAttributeAsync("target"));
        await Assertions.Expect(error).ToContainTextAsync("authorize", new() { IgnoreCase = true });
        await bob.ScreenshotAsync("functions-connections-05-bob-not-authorized");

        await bob.GotoAsync("/connections");
        await bob.WaitForInteractiveAsync();
        await bob.GetByRole(AriaRole.Tab, new() { Name = "Shared Connections" }).ClickAsync();
        var row = bob.GetByTestId("connections-table").Locator("tr", new() { HasText = "team_sheets" });
        await row.GetByTestId("row-authorize").ClickAsync();
        var popup = await bob.RunAndWaitForPopupAsync(() => bob.GetByTestId("consent-connect").ClickAsync());
        await SignInAtSandboxAsync(popup, "riley@sandbox.test");
        await Assertions.Expect(row.GetByTestId("status-chip")).ToHaveTextAsync("Connected", new() { Timeout = 30_000 });

        await OpenFunctionAsync(bob, "list_sheets");
        await bob.GetByTestId("run-button").ClickAsync();
        var output = bob.GetByTestId("run-info");
        await Assertions.Expect(output).ToContainTextAsync("Riley's Reading List", new() { Timeout = 30_000 });
        await Assertions.Expect(output).Not.ToContainTextAsync("Sam's Budget 2026");
        await Assertions.Expect(bob.GetByTestId("run-error")).ToHaveCountAsync(0);
        await Assertions.Expect(bob.GetByTestId("trace-status")).ToHaveTextAsync("200");
        await bob.ScreenshotAsync("functions-connections-06-bob-runs-as-riley");
    }

    private SandboxInstance SandboxAsync() =>
        browser.Portal.Services.GetRequiredService<SandboxHostedService>().Instance
        ?? throw new InvalidOperationException("The embedded Sandbox is not running; check Sandbox:Url in PortalServer.");

    private async Task<IPage> NewAlicePageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync(Alice, Password);
        await page.WaitForInteractiveAsync();
        return page;
    }

    private static async Task EnsureTeamSheetsAsync(IPage alice)
    {
        await TeamSheetsGate.WaitAsync();
        try
        {
            if (!teamSheetsCreated)
            {
                await CreateConnectionAsync(alice, "sheets", "sandbox_sheets", "Team Sheets", "team_sheets", shared: true, "sam@sandbox.test");
                teamSheetsCreated = true;
            }
        }
        finally
        {
            TeamSheetsGate.Release();
        }
    }

    private static async Task CreateConnectionAsync(IPage page, string search, string service, string name, string linkName, bool shared, string sandboxUser)
    {
        await page.GotoAsync("/connections/new");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("service-search").FillAsync(search);
        await page.Locator($"[data-service={service}]").ClickAsync();
        await page.GetByTestId("connection-name").FillAsync(name);
        await Assertions.Expect(page.GetByTestId("link-name")).ToHaveValueAsync(linkName);
        if (shared)
        {
            await page.GetByTestId("login-user-switch").Locator("xpath=self::input | .//input").CheckAsync();
        }

        foreach (var scope in await page.GetByTestId("scope-list").Locator("input[type=checkbox]").AllAsync())
        {
            await scope.CheckAsync();
        }

        await page.GetByTestId("create-and-connect").ClickAsync();
        var popup = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("consent-connect").ClickAsync());
        await SignInAtSandboxAsync(popup, sandboxUser);
        await Assertions.Expect(page.GetByTestId("wizard-connected")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    private static async Task SignInAtSandboxAsync(IPage popup, string email)
    {
        await popup.Locator("#email").FillAsync(email);
        await popup.Locator("#password").FillAsync("Sandbox!2026");
        await popup.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await popup.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync(new() { Timeout = 30_000 });
    }

    private static async Task OpenFunctionAsync(IPage page, string apiName)
    {
        await page.GotoAsync($"/functions/{apiName}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("run-button")).ToBeEnabledAsync();
    }

    private static async Task AddParameterAsync(IPage page, int index, string key, string value)
    {
        await page.GetByTestId("invoke-parameters-add").ClickAsync();
        await page.GetByTestId("invoke-parameters-key").Nth(index).FillAsync(key);
        await page.GetByTestId("invoke-parameters-value").Nth(index).FillAsync(value);
    }
}
