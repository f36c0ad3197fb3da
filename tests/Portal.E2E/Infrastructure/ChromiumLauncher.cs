using Microsoft.Playwright;

namespace Portal.E2E.Infrastructure;

/// <summary>Debian's Chromium alone (no portal of its own), for tests that bring their own servers.</summary>
public sealed class ChromiumLauncher : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private ChromiumLauncher(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ChromiumLauncher> LaunchAsync()
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return new ChromiumLauncher(playwright, browser);
    }

    public async Task<IPage> NewPageAsync(string baseUrl, bool dark = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
