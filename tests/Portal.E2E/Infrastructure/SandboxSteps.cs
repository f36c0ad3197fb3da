using Microsoft.Playwright;

namespace Portal.E2E.Infrastructure;

/// <summary>Steps at Sandbox Cloud's own pages that every OAuth flow shares.</summary>
public static class SandboxSteps
{
    public const string AccountPassword = "Sandbox!2026";

    /// <summary>Signs in at the Sandbox login page and clicks Allow on its consent page, with optional screenshots of both.</summary>
    public static async Task SignInAtSandboxAsync(this IPage page, string email, string? loginShot = null, string? consentShot = null)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(AccountPassword);
        if (loginShot is not null)
        {
            await page.ScreenshotAsync(loginShot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Allow" })).ToBeVisibleAsync();
        if (consentShot is not null)
        {
            await page.ScreenshotAsync(consentShot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
    }
}
