using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Portal.Web.Data;

namespace Portal.E2E.Flows;

/// <summary>
/// Issue 19 item 3: the Identity pages in MudBlazor's look (no Bootstrap), light and dark, 800 px and 1400 px. The sign-in
/// pages follow the browser's colour scheme (nobody is signed in to have a preference), the manage pages the user's choice.
/// </summary>
public sealed class AccountPagesLookTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly int[] Widths = [800, 1400];

    [Theory]
    [InlineData("/Account/Login", "login")]
    [InlineData("/Account/Register", "register")]
    [InlineData("/Account/ForgotPassword", "forgot-password")]
    public async Task A_sign_in_page_is_shot_light_and_dark_at_both_widths(string path, string name)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ShootWithColorSchemeAsync($"account-{name}");

        Assert.Equal(0, await page.Locator("link[href*='bootstrap']").CountAsync());
        Assert.Equal(0, await page.Locator(".btn, .form-control, .form-floating, .alert").CountAsync());
    }

    [Theory]
    [InlineData(800, false)]
    [InlineData(800, true)]
    [InlineData(1400, false)]
    [InlineData(1400, true)]
    public async Task The_login_form_fills_its_card_and_reads_well_in_either_scheme(int width, bool dark)
    {
        var page = await NewPageAsync(width, dark);
        await page.GotoAsync("/Account/Login");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var form = (await page.Locator("form.portal-account-form").BoundingBoxAsync())!;
        foreach (var field in new[] { "#Input\\.Email", "#Input\\.Password", "button[type=submit] >> nth=0" })
        {
            var box = (await page.Locator(field).BoundingBoxAsync())!;
            Assert.True(Math.Abs(box.Width - form.Width) < 2, $"{field} is {box.Width:0} px in a {form.Width:0} px form");
        }

        var input = await page.Locator("#Input\\.Email").EvaluateAsync<string[]>("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]");
        var heading = await page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).color");
        var card = await page.Locator(".portal-auth-card").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal(dark ? "rgb(22, 27, 34)" : "rgb(255, 255, 255)", card);
        Assert.Equal(card, input[1]);
        Assert.True(Contrast(heading, card) >= 7, $"heading {heading} on {card}");
        Assert.True(Contrast(input[0], card) >= 7, $"input text {input[0]} on {card}");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - innerWidth)"));
    }

    [Fact]
    public async Task Missing_fields_and_a_wrong_password_say_so_clearly()
    {
        var page = await NewPageAsync(800, dark: false);
        await page.GotoAsync("/Account/Login");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator(".portal-field-message").First).ToHaveTextAsync("The Email field is required.");
        await Assertions.Expect(page.Locator(".portal-field-message").Nth(1)).ToHaveTextAsync("The Password field is required.");
        var border = await page.Locator("#Input\\.Email").EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor");
        Assert.Equal("rgb(244, 67, 54)", border);
        await page.ShootWithColorSchemeAsync("account-login-missing-fields");

        await page.FillAsync("#Input\\.Email", "nobody@portal.local");
        await page.FillAsync("#Input\\.Password", "not-the-password");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match an active account");
        await page.ShootWithColorSchemeAsync("account-login-wrong-password");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_manage_pages_follow_the_users_theme_choice(bool dark)
    {
        await SetDarkModeAsync(dark);
        try
        {
            // The browser asks for the other scheme: the user's choice wins on the signed-in pages.
            var page = await NewPageAsync(1400, dark: !dark);
            await page.LoginAsync(PortalServer.AdminEmail, PortalServer.AdminPassword);
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
            foreach (var (path, name) in new[]
            {
                ("/Account/Manage", "profile"), ("/Account/Manage/TwoFactorAuthentication", "2fa"),
                ("/Account/Manage/ChangePassword", "change-password"), ("/Account/Manage/EnableAuthenticator", "enable-authenticator"),
            })
            {
                await page.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                foreach (var width in Widths)
                {
                    await page.SetViewportSizeAsync(width, 900);
                    await page.WaitForTimeoutAsync(200);
                    await page.ScreenshotAsync($"account-manage-{name}-{width}-{(dark ? "dark" : "light")}");
                    Assert.Equal(0, await page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - innerWidth)"));
                }

                Assert.Equal(0, await page.Locator(".btn, .form-control, .form-floating, .alert, .nav-pills").CountAsync());
                var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
                Assert.Equal(dark ? "rgb(15, 20, 26)" : "rgb(246, 248, 251)", background);
            }
        }
        finally
        {
            await SetDarkModeAsync(false);
        }
    }

    private async Task<IPage> NewPageAsync(int width, bool dark)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.Portal.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private async Task SetDarkModeAsync(bool dark)
    {
        using var scope = browser.Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(PortalServer.AdminEmail))!;
        admin.PrefersDarkMode = dark;
        await users.UpdateAsync(admin);
    }

    // WCAG contrast ratio of two computed colours ("rgb(r, g, b)" or "rgba(r, g, b, a)", alpha blended over the background).
    private static double Contrast(string foreground, string background)
    {
        var bg = Parse(background);
        var fg = Parse(foreground);
        double[] blended = [.. Enumerable.Range(0, 3).Select(i => (fg[i] * fg[3]) + (bg[i] * (1 - fg[3])))];
        var l1 = Luminance(blended);
        var l2 = Luminance(bg);
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);

        static double[] Parse(string css)
        {
            var parts = css[(css.IndexOf('(') + 1)..css.IndexOf(')')].Split(',').Select(p => double.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return parts.Length == 4 ? parts : [.. parts, 1];
        }

        static double Luminance(double[] rgb)
        {
            var c = rgb.Take(3).Select(v => v / 255).Select(v => v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4)).ToArray();
            return (0.2126 * c[0]) + (0.7152 * c[1]) + (0.0722 * c[2]);
        }
    }
}
