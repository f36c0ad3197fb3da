using Microsoft.Playwright;

namespace Portal.E2E.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright; never downloads a browser.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public BrowserFixture()
        : this(new PortalServer())
    {
    }

    protected BrowserFixture(PortalServer portal) => Portal = portal;

    public IBrowser Browser { get; private set; } = default!;

    public PortalServer Portal { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(FindRepositoryRoot(), "tests", "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public Task<IPage> NewPageAsync(bool dark = false) => NewPageAsync(1366, dark, height: 860);

    /// <summary>A page in a new context <paramref name="width"/> px wide, in the browser's light or dark scheme.</summary>
    public async Task<IPage> NewPageAsync(int width, bool dark, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Portal.DisposeAsync();
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
