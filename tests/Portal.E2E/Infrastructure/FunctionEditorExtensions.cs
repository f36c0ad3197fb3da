using Microsoft.Playwright;

namespace Portal.E2E.Infrastructure;

/// <summary>Steps every function-editor flow shares: create a function in the UI, wait for Monaco, replace the code.</summary>
public static class FunctionEditorExtensions
{
    public static async Task CreateFunctionAsync(this IPage page, string name, string apiName, Func<string>? diagnostics = null, bool waitForEditor = true)
    {
        await page.GotoAsync("/functions");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("new-function").ClickAsync();
        await page.GetByTestId("new-function-name").FillAsync(name);
        await Assertions.Expect(page.GetByTestId("new-function-api-name")).ToHaveValueAsync(apiName);
        await page.GetByTestId("new-function-submit").ClickAsync();
        await page.WaitForURLAsync($"**/functions/{apiName}");
        if (waitForEditor)
        {
            await page.WaitForEditorAsync(diagnostics);
        }
    }

    /// <summary>Waits for Monaco and the first server diagnostics; on a timeout the screenshot and <paramref name="diagnostics"/> say why.</summary>
    public static async Task WaitForEditorAsync(this IPage page, Func<string>? diagnostics = null)
    {
        try
        {
            await page.Locator("#function-code .monaco-editor[role=code]").WaitForAsync();
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync("functions-editor-failed");
            throw new TimeoutException("Monaco did not start." + (diagnostics is null ? "" : " Browser console:\n" + diagnostics()));
        }

        await page.WaitForFunctionAsync("() => document.getElementById('function-code')?.hasAttribute('data-markers')");
    }

    public static Task SetCodeAsync(this IPage page, string code) =>
        page.EvaluateAsync("code => portalFunctionEditor.setValue('function-code', code)", code);
}
