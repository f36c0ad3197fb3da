using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.E2E.Infrastructure;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.E2E.Flows;

/// <summary>Issue 16 items 9 and 12: every main page works from 800 px up, light and dark, with nothing cut off.</summary>
public sealed class ResponsiveLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Admin = PortalServer.AdminEmail;

    private static readonly string[] AppPages =
    [
        "/", "/connections", "/connections/new", "/connections/weather_wide", "/functions", "/functions/wide_history",
        "/admin/users", "/admin/services", "/admin/integrations", "/admin/audit", "/settings/tokens",
        "/Account/Manage", "/Account/Manage/ChangePassword",
    ];

    [Theory]
    [InlineData(800, false)]
    [InlineData(800, true)]
    [InlineData(1400, false)]
    [InlineData(1400, true)]
    public async Task Each_main_page_fits_the_window_without_clipped_text(int width, bool dark)
    {
        await SeedAsync();
        await SetDarkModeAsync(dark);
        var page = await NewPageAsync(width, dark);
        await page.LoginAsync(Admin, PortalServer.AdminPassword);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        var problems = new List<string>();
        foreach (var path in AppPages)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.WaitForTimeoutAsync(400);
            problems.AddRange((await ClippingAsync(page)).Select(p => $"{path}: {p}"));
            await page.ScreenshotAsync($"responsive-{Slug(path)}-{width}-{(dark ? "dark" : "light")}");
        }

        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    [Theory]
    [InlineData(800)]
    [InlineData(1400)]
    public async Task The_versions_tab_shows_restore_status_and_one_line_dates(int width)
    {
        await SeedAsync();
        await SetDarkModeAsync(false);
        var page = await NewPageAsync(width, dark: false);
        await page.LoginAsync(Admin, PortalServer.AdminPassword);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("/functions/wide_history");
        await page.WaitForInteractiveAsync();
        var problems = new List<string>();

        await page.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("history-row").First).ToBeVisibleAsync();
        await SettleAsync(page);
        problems.AddRange(await ClippingAsync(page));
        await page.ScreenshotAsync($"responsive-function-history-{width}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Versions" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("version-row").First).ToBeVisibleAsync();
        await SettleAsync(page);

        problems.AddRange(await ClippingAsync(page));
        await page.ScreenshotAsync($"responsive-function-versions-{width}");
        Assert.True(problems.Count == 0, string.Join("; ", problems));
        foreach (var date in await page.GetByTestId("version-date").AllAsync())
        {
            var box = (await date.BoundingBoxAsync())!;
            Assert.True(box.Height < 30, $"a version date wraps over {box.Height:0} px");
        }
    }

    [Fact]
    public async Task The_login_page_on_127_0_0_1_logs_no_passkey_security_error_and_follows_the_dark_scheme()
    {
        var page = await NewPageAsync(800, dark: true);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/Account/Login");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(800);
        await page.ScreenshotAsync("responsive-account-login-800-dark");

        Assert.StartsWith("http://127.0.0.1:", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(errors, e => e.Contains("SecurityError", StringComparison.Ordinal) || e.Contains("invalid domain", StringComparison.Ordinal));
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.portal-auth-card')).backgroundColor");
        Assert.Equal("rgb(22, 27, 34)", background);
        Assert.Empty(await ClippingAsync(page));
    }

    [Fact]
    public async Task Url_strings_in_the_editor_are_not_underlined_like_errors_and_an_unknown_connection_is_warned()
    {
        await SeedAsync();
        await SetDarkModeAsync(false);
        var page = await NewPageAsync(1400, dark: false);
        await page.LoginAsync(Admin, PortalServer.AdminPassword);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("/functions/wide_history");
        await page.WaitForInteractiveAsync();
        await page.WaitForEditorAsync();

        await page.SetCodeAsync("r = invokeUrl\n[\n\turl: \"https://api.example.com/v1/rows\"\n\ttype: GET\n\tconnection: \"weather_wid\"\n];\nreturn r;");

        await Assertions.Expect(page.GetByTestId("problem-count")).ToHaveTextAsync(new Regex("1 warning"));
        await Assertions.Expect(page.GetByTestId("problem-warning")).ToContainTextAsync("You have no connection named 'weather_wid'");
        Assert.Equal(0, await page.GetByTestId("problem").CountAsync());
        await Assertions.Expect(page.Locator("#function-code .squiggly-warning").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#function-code .squiggly-error").CountAsync());
        Assert.Equal(0, await page.Locator("#function-code .detected-link").CountAsync());
        await page.ScreenshotAsync("responsive-editor-unknown-connection-warning");
    }

    // A clicked tab's ripple briefly overflows it; measure once it has faded.
    private static async Task SettleAsync(IPage page)
    {
        await page.Mouse.MoveAsync(1, 1);
        await page.WaitForTimeoutAsync(900);
    }

    private Task<IPage> NewPageAsync(int width, bool dark) => browser.NewPageAsync(width, dark);

    // Text cut by its own box (a chip, button, cell or tab narrower than its words), or the page scrolling sideways.
    // What is still cut a second later: a tab that was mid-animation when first measured (seen after long suites on the
    // loaded machine, never alone) is not a layout problem.
    private static async Task<IReadOnlyList<string>> ClippingAsync(IPage page)
    {
        var first = await MeasureClippingAsync(page);
        if (first.Count == 0)
        {
            return first;
        }

        await page.WaitForTimeoutAsync(1_000);
        var second = await MeasureClippingAsync(page);
        return [.. second.Where(problem => first.Any(seen => seen.Split(" needs ")[0] == problem.Split(" needs ")[0]))];
    }

    private static async Task<IReadOnlyList<string>> MeasureClippingAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const found = [];
              if (document.documentElement.scrollWidth > window.innerWidth + 1) {
                found.push(`page is ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
              }
              const selectors = 'td, th, button, .mud-chip, .mud-tab, .mud-step-label-content, .mud-input-label, .mud-select-input, label, .mud-nav-link-text';
              for (const el of document.querySelectorAll(selectors)) {
                const style = getComputedStyle(el);
                if (el.offsetParent === null || style.visibility === 'hidden' || el.closest('.monaco-editor')) continue;
                const text = (el.innerText || '').trim();
                if (!text) continue;
                if (el.scrollWidth > el.clientWidth + 2 && style.overflowX !== 'auto' && style.overflowX !== 'scroll' && style.textOverflow !== 'ellipsis') {
                  found.push(`${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} "${text.slice(0, 40)}" needs ${el.scrollWidth}px, has ${el.clientWidth}px`);
                }
              }
              // Cut by an ancestor that hides overflow (a stepper or toolbar wider than its card); scrolling ancestors are fine.
              for (const el of document.querySelectorAll('.mud-step, .mud-tab, th, td, button, .mud-chip, .mud-input-control, .mud-select')) {
                if (el.offsetParent === null || el.closest('.monaco-editor, .mud-popover')) continue;
                const r = el.getBoundingClientRect();
                if (r.width === 0) continue;
                for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                  const o = getComputedStyle(a).overflowX;
                  if (o === 'auto' || o === 'scroll') break;
                  if (o === 'hidden' || o === 'clip') {
                    const ar = a.getBoundingClientRect();
                    if (r.right > ar.right + 1 || r.left < ar.left - 1) {
                      found.push(`${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} "${(el.innerText || '').trim().slice(0, 40)}" is cut by ${a.tagName.toLowerCase()}.${[...a.classList].slice(0, 2).join('.')}`);
                    }
                    break;
                  }
                }
              }
              // A stepper that scrolls sideways hides its last steps behind a scrollbar nobody sees.
              for (const nav of document.querySelectorAll('.mud-stepper-nav')) {
                if (nav.scrollWidth > nav.clientWidth + 1) {
                  found.push(`stepper needs ${nav.scrollWidth}px, has ${nav.clientWidth}px`);
                }
              }
              return [...new Set(found)].slice(0, 20);
            }
            """);

    private static string Slug(string path) => path == "/" ? "home" : Regex.Replace(path.Trim('/').ToLowerInvariant(), "[^a-z0-9]+", "-");

    private async Task SetDarkModeAsync(bool dark)
    {
        using var scope = browser.Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(Admin))!;
        admin.PrefersDarkMode = dark;
        await users.UpdateAsync(admin);
    }

    private static readonly SemaphoreSlim SeedGate = new(1, 1);
    private static bool seeded;

    // A connection, a function with several versions and runs, so every list has rows to lay out.
    private async Task SeedAsync()
    {
        await SeedGate.WaitAsync();
        try
        {
            if (seeded)
            {
                return;
            }

            using var scope = browser.Portal.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync((await users.FindByEmailAsync(Admin))!);
            var created = await scope.ServiceProvider.GetRequiredService<IConnectionManager>().CreateAsync(
                new CreateConnectionRequest { Name = "Weather for the wide table", LinkName = "weather_wide", ServiceId = "sandbox_weather", Mode = ConnectionMode.OwnerCredentials },
                ConnectionsUser.From(principal)!);
            Assert.True(created.Succeeded);
            await scope.ServiceProvider.GetRequiredService<IConnectionAuthorizer>().AuthorizeWithApiKeyAsync(
                "weather_wide", principal.FindFirstValue(ClaimTypes.NameIdentifier)!, new Dictionary<string, string> { ["X-Weather-Key"] = "sandbox-weather-demo-key" });

            var functions = scope.ServiceProvider.GetRequiredService<IFunctionService>();
            var result = await functions.CreateAsync(principal, new FunctionDraft("Wide history", "wide_history", "Has several versions", [new("city", "text")], "return city;"));
            Assert.True(result.Succeeded, result.Error);
            var function = result.Function!;
            for (var i = 2; i <= 4; i++)
            {
                var saved = await functions.UpdateAsync(principal, function.Id, $"info \"version {i}\";\nreturn city;", function.Arguments, function.ConcurrencyStamp, $"change {i}");
                Assert.True(saved.Succeeded, saved.Error);
                function = saved.Function!;
            }

            var runner = scope.ServiceProvider.GetRequiredService<IFunctionRunner>();
            await runner.RunAsync(new FunctionRunRequest { FunctionId = function.Id, Code = function.Code, Arguments = function.Arguments, Values = new Dictionary<string, Portal.Scripting.Values.ScriptValue> { ["city"] = new Portal.Scripting.Values.ScriptText("Lisbon") } }, principal, FunctionRunOrigin.Editor);
            seeded = true;
        }
        finally
        {
            SeedGate.Release();
        }
    }
}
