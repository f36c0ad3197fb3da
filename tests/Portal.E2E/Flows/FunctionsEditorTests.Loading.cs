using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

public sealed partial class FunctionsEditorTests
{
    // Issue #18 item 4: Monaco (about 4 MB of script) is no longer parsed on every page before its first paint.
    [Fact]
    public async Task Monaco_is_loaded_only_when_an_editor_is_shown_and_a_failed_load_says_so_and_can_be_retried()
    {
        var page = await NewLoggedPageAsync();
        var monacoRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/monaco-editor/min/vs/editor/editor.main.js", StringComparison.Ordinal))
            {
                monacoRequests.Add(request.Url);
            }
        };

        await page.LoginAsync(Alice, Password);
        await page.GotoAsync("/connections");
        await page.WaitForInteractiveAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => typeof monaco === 'undefined' && !window.blazorMonaco"),
            "Monaco ran on the Connections page, which has no editor.");

        // The editor's files fail to arrive (a proxy drops them): the page says so, keeps the function, and retries.
        await page.RouteAsync("**/monaco-editor/min/vs/editor/editor.main.js", route => route.AbortAsync());
        await page.CreateFunctionAsync("Lazy editor open", "lazy_editor_open", diagnostics: null, waitForEditor: false);
        await Assertions.Expect(page.GetByTestId("editor-load-error")).ToContainTextAsync("could not be loaded");
        await Assertions.Expect(page.GetByTestId("editor-state")).ToContainTextAsync("Version");
        await page.ScreenshotAsync("functions-editor-load-error");

        await page.UnrouteAsync("**/monaco-editor/min/vs/editor/editor.main.js");
        await page.GetByTestId("editor-load-error").GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await page.WaitForEditorAsync(() => string.Join('\n', ConsoleLines(page)));
        Assert.NotEmpty(monacoRequests);

        // Within the circuit, another function's editor reuses the scripts already run.
        await page.CreateFunctionAsync("Second editor open", "second_editor_open", () => string.Join('\n', ConsoleLines(page)));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.querySelectorAll('script[src*=\"vs/editor/editor.main.js\"]').length"));
    }
}
