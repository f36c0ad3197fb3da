using Microsoft.Playwright;

namespace Portal.E2E.Infrastructure;

/// <summary>One state shot at 800 px and 1400 px, in the light and the dark theme (issue 16 acceptance).</summary>
public static class ScreenshotMatrix
{
    private static readonly int[] Widths = [800, 1400];

    /// <summary>Portal pages: the theme is the user's preference, switched with the toggle and switched back.</summary>
    public static async Task ShootPortalAsync(this IPage page, string name)
    {
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.WaitForTimeoutAsync(200);
            await page.ScreenshotAsync($"{name}-{width}-light");
            await page.GetByTestId("theme-toggle").DispatchEventAsync("click");
            await page.WaitForTimeoutAsync(300);
            await page.ScreenshotAsync($"{name}-{width}-dark");
            await page.GetByTestId("theme-toggle").DispatchEventAsync("click");
            await page.WaitForTimeoutAsync(300);
        }

        await page.SetViewportSizeAsync(1366, 860);
    }

    /// <summary>Pages without the portal's toggle (Sandbox Cloud): the browser's colour scheme is switched instead.</summary>
    public static async Task ShootWithColorSchemeAsync(this IPage page, string name)
    {
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
            await page.ScreenshotAsync($"{name}-{width}-light");
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            await page.ScreenshotAsync($"{name}-{width}-dark");
        }

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await page.SetViewportSizeAsync(1366, 860);
    }
}
