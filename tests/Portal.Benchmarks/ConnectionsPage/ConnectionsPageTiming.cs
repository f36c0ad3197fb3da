using System.Diagnostics;
using Microsoft.Playwright;

namespace Portal.Benchmarks.ConnectionsPage;

/// <summary>
/// Issue #18 item 4: time from navigating to Connections until its first rows are visible, in Debian's Chromium, against
/// a running portal (started and seeded by connections-page.sh). Prints every try, the median and the best.
/// </summary>
public static class ConnectionsPageTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: --connections-page <base url> <email> <password> [tries]");
            return 2;
        }

        var (baseUrl, email, password) = (args[1].TrimEnd('/'), args[2], args[3]);
        var tries = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 9;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new() { Width = 1400, Height = 900 } });
        // In the page: the first animation frame after a row exists is when it is on screen (0 = navigation start).
        await context.AddInitScriptAsync("""
            (() => {
              const seen = () => { if (window.__rowsVisibleAt === undefined && document.querySelector('[data-testid=row-link]')) {
                window.__rowsVisibleAt = -1; requestAnimationFrame(() => { window.__rowsVisibleAt = performance.now(); }); } };
              new MutationObserver(seen).observe(document, { childList: true, subtree: true });
              document.addEventListener('DOMContentLoaded', seen);
            })();
            """);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        var timings = new List<double>();
        for (var i = 0; i <= tries; i++)
        {
            await page.GotoAsync("about:blank");
            var watch = Stopwatch.StartNew();
            await page.GotoAsync("/connections?tab=all", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await page.Locator("[data-testid=row-link]").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            watch.Stop();

            // The page's own clock: the browser-side figure, without the test driver's round trips.
            // A row is on screen no earlier than the frame after it exists and no earlier than the first paint.
            await page.WaitForFunctionAsync("() => window.__rowsVisibleAt > 0 && performance.getEntriesByName('first-contentful-paint').length > 0");
            var seen = await page.EvaluateAsync<double>("() => Math.max(window.__rowsVisibleAt, performance.getEntriesByName('first-contentful-paint')[0].startTime)");
            // Builds from before paging have no range line; the count of rows shown says the same.
            var rangeLine = page.Locator("[data-testid=connections-range]");
            var range = await rangeLine.CountAsync() > 0
                ? await rangeLine.TextContentAsync()
                : $"{await page.Locator("[data-testid=row-link]").CountAsync()} rows in the page";
            if (i > 0)
            {
                // The first try warms the server's caches and the browser's; it is not counted.
                timings.Add(seen);
                var phases = await page.EvaluateAsync<string>("""
                    () => { const n = performance.getEntriesByType('navigation')[0];
                            const p = performance.getEntriesByName('first-contentful-paint')[0];
                            return `server answered ${Math.round(n.responseStart)} ms, html read ${Math.round(n.responseEnd)} ms, first paint ${p ? Math.round(p.startTime) : '?'} ms`; }
                    """);
                Console.WriteLine($"try {i}: first rows visible {seen:F0} ms after navigation start ({range?.Trim()}; {phases}; the driver saw them after {watch.Elapsed.TotalMilliseconds:F0} ms)");
            }
        }

        timings.Sort();
        Console.WriteLine($"median {timings[timings.Count / 2]:F0} ms, best {timings[0]:F0} ms, worst {timings[^1]:F0} ms over {timings.Count} tries");
        return 0;
    }
}
