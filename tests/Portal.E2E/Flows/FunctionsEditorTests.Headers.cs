using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

public sealed partial class FunctionsEditorTests
{
    [Fact]
    public async Task Pasting_an_exported_function_shows_a_warning_squiggle_and_saving_takes_the_arguments_from_its_header()
    {
        var page = await NewLoggedPageAsync();
        await page.LoginAsync(Alice, Password);
        await page.WaitForInteractiveAsync();
        await page.CreateFunctionAsync("Update deal", "update_deal", () => string.Join('\n', ConsoleLines(page)));

        await page.SetCodeAsync("void automation.update_deal(int dealId)\n{\n  if(dealId = 5)\n  {\n    info \"five \" + input.dealId;\n  }\n}");

        await Assertions.Expect(page.GetByTestId("warning-count")).ToHaveTextAsync("1 warning");
        await Assertions.Expect(page.Locator("#function-code .squiggly-warning").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#function-code .squiggly-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("problem-warning")).ToContainTextAsync("write '=='");
        await page.GetByTestId("save-function").ClickAsync();
        await Assertions.Expect(page.GetByTestId("editor-state")).ToContainTextAsync(new Regex("Version 2 · 1 argument$"));
        await page.GetByTestId("arg-dealId").FillAsync("5");
        await page.GetByTestId("run-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("run-info")).ToContainTextAsync("five 5");
        await page.ScreenshotAsync("functions-editor-header-warning");
    }
}
