using Microsoft.Playwright;

namespace Portal.E2E.Infrastructure;

public static class PageExtensions
{
    public static async Task LoginAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>Waits until the Blazor circuit is connected, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#portal-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
