using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

public sealed partial class FunctionsEditorTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Alice = "alice@portal.local";
    private const string Password = "Portal-demo-2026";


    [Fact]
    public async Task Alice_writes_a_function_sees_a_located_error_runs_it_and_compares_versions()
    {
        var page = await NewLoggedPageAsync();
        await page.LoginAsync(Alice, Password);
        await page.WaitForInteractiveAsync();
        await page.GotoAsync("/functions");
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("new-function").ClickAsync();
        await page.GetByTestId("new-function-name").FillAsync("Greet person");
        await Assertions.Expect(page.GetByTestId("new-function-api-name")).ToHaveValueAsync("greet_person");
        await page.GetByTestId("add-argument").ClickAsync();
        await page.GetByTestId("argument-name").FillAsync("person");
        await page.GetByTestId("new-function-submit").ClickAsync();
        await page.WaitForURLAsync("**/functions/greet_person");
        await page.WaitForEditorAsync(() => string.Join('\n', ConsoleLines(page)));

        await page.SetCodeAsync("greeting = \"Hello \" + person;\ninfo greeting;\nresult = map();\nresult.put(\"greeting\", greeting);\nresult.put(\"items\", {1, 2, 3});\nreturn result;");
        await Assertions.Expect(page.GetByTestId("problem-count")).ToHaveTextAsync(new Regex("No problems"));
        await page.Locator("#function-code .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("total = ;");
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Line 7");
        await Assertions.Expect(page.Locator("#function-code .squiggly-error").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("functions-editor-light");

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("result.pu");
        await Assertions.Expect(page.Locator("#function-code .suggest-widget.visible")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#function-code .suggest-widget.visible")).ToContainTextAsync("put");
        await page.ScreenshotAsync("functions-completion");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.PressAsync("Control+Space");
        await Assertions.Expect(page.Locator("#function-code .suggest-widget.visible .monaco-list-row[data-index='0']")).ToContainTextAsync("clear");
        await page.Keyboard.PressAsync("Escape");

        await page.SetCodeAsync("greeting = \"Hello \" + person;\ninfo greeting;\nresult = map();\nresult.put(\"greeting\", greeting);\nresult.put(\"items\", {1, 2, 3});\nreturn result;");
        await page.Locator("#function-code .view-line").GetByText("put", new() { Exact = true }).First.HoverAsync();
        await Assertions.Expect(page.Locator(".monaco-hover").First).ToContainTextAsync("put(key, value?)");
        await page.Mouse.MoveAsync(600, 800);
        await Assertions.Expect(page.Locator(".monaco-hover:visible")).ToHaveCountAsync(0);
        await page.Locator("#function-code .view-lines").ClickAsync(new() { Position = new() { X = 300, Y = 8 } });
        await page.Keyboard.PressAsync("Control+S");
        await Assertions.Expect(page.GetByTestId("editor-state")).ToContainTextAsync("Version 2");

        await page.GetByTestId("arg-person").FillAsync("Ada");
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-info")).ToContainTextAsync("Hello Ada");
        await Assertions.Expect(page.GetByTestId("run-return")).ToContainTextAsync("\"greeting\"");
        await Assertions.Expect(page.GetByTestId("run-return")).ToContainTextAsync("\"Hello Ada\"");
        await page.ScreenshotAsync("functions-run-output");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Versions" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("version-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("version-diff")).ToContainTextAsync("Hello ");
        await page.ScreenshotAsync("functions-versions-diff");

        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#function-code .monaco-editor.vs-dark') !== null");
        await page.Mouse.MoveAsync(600, 700);
        await page.ScreenshotAsync("functions-editor-dark");
        await page.GetByTestId("theme-toggle").ClickAsync();
    }

    [Fact]
    public async Task The_seed_sample_pasted_verbatim_shows_its_two_located_errors()
    {
        var page = await NewLoggedPageAsync();
        await page.LoginAsync(Alice, Password);
        await page.WaitForInteractiveAsync();
        await page.CreateFunctionAsync("Kaizen sample", "kaizen_sample", () => string.Join('\n', ConsoleLines(page)));

        await page.SetCodeAsync(SeedScripts.KaizenSample);

        await Assertions.Expect(page.GetByTestId("problem")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("problem").Nth(0)).ToContainTextAsync("Line 6");
        await Assertions.Expect(page.GetByTestId("problem").Nth(0)).ToContainTextAsync("url");
        await Assertions.Expect(page.GetByTestId("problem").Nth(1)).ToContainTextAsync("Line 12");
        await Assertions.Expect(page.GetByTestId("problem").Nth(1)).ToContainTextAsync("expected ']'");
        await page.ScreenshotAsync("functions-seed-sample-errors");

        // A long function (well over the 32 KB SignalR default) is checked and saved too.
        var longCode = string.Join('\n', Enumerable.Range(0, 1000).Select(i => $"v{i} = map(); v{i}.put(\"key\", {i} + 1); info v{i}.get(\"key\");")) + "\nreturn \"done\";";
        await page.SetCodeAsync(longCode);
        await Assertions.Expect(page.GetByTestId("problem-count")).ToHaveTextAsync(new Regex("No problems"));
        await page.GetByTestId("save-function").ClickAsync();
        await Assertions.Expect(page.GetByTestId("editor-state")).ToContainTextAsync("Version 2");
    }

    [Fact]
    public async Task Insert_invokeUrl_builds_a_call_whose_trace_shows_status_and_a_masked_authorization_header()
    {
        var page = await NewLoggedPageAsync();
        await page.LoginAsync(Alice, Password);
        await page.WaitForInteractiveAsync();
        await page.CreateFunctionAsync("Check health", "check_health", () => string.Join('\n', ConsoleLines(page)));
        await page.SetCodeAsync("");

        await page.GetByTestId("insert-invokeurl").ClickAsync();
        // The portal itself is loopback and blocked by the SSRF filter; Sandbox Echo is the one allowed local origin.
        await page.GetByTestId("invoke-url").FillAsync(browser.Portal.SandboxUrl + "/api/echo/health");
        await page.GetByTestId("invoke-headers-add").ClickAsync();
        await page.GetByTestId("invoke-headers-key").FillAsync("X-Auth-Token");
        await page.GetByTestId("invoke-headers-value").FillAsync("Bearer e2e-canary-token");
        await page.GetByTestId("invoke-detailed").ClickAsync();
        await Assertions.Expect(page.GetByTestId("invoke-preview")).ToContainTextAsync("detailed: true");
        await page.ScreenshotAsync("functions-insert-invokeurl");
        await page.GetByTestId("invoke-insert").ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem-count")).ToHaveTextAsync(new Regex("No problems"));
        await page.GetByTestId("run-button").ClickAsync();

        await Assertions.Expect(page.GetByTestId("trace-status")).ToHaveTextAsync("200");
        await Assertions.Expect(page.GetByTestId("run-info")).ToContainTextAsync("\"responseCode\":200");
        await page.GetByTestId("trace-entry").ClickAsync();
        await Assertions.Expect(page.GetByTestId("trace-headers").First).ToContainTextAsync("Bearer ••••");
        await Assertions.Expect(page.GetByTestId("run-panel")).Not.ToContainTextAsync("e2e-canary-token");
        await page.WaitForTimeoutAsync(600);
        await page.ScreenshotAsync("functions-run-trace");
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Consoles = [];

    private static List<string> ConsoleLines(IPage page) => Consoles.GetOrCreateValue(page);

    private async Task<IPage> NewLoggedPageAsync()
    {
        var page = await browser.NewPageAsync();
        var lines = ConsoleLines(page);
        page.Console += (_, message) => lines.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => lines.Add("pageerror: " + error);
        return page;
    }
}
