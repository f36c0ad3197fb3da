using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

public sealed class AdminCreatesUserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_creates_carol_as_a_user_and_carol_cannot_reach_admin_pages()
    {
        var admin = await browser.NewPageAsync();
        await admin.GotoAsync("/Account/Login");
        await admin.ScreenshotAsync("01-login");

        await admin.LoginAsync(PortalServer.AdminEmail, PortalServer.AdminPassword);
        await admin.WaitForInteractiveAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Connections", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToBeVisibleAsync();
        await admin.ScreenshotAsync("02-home-admin");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        await admin.GetByTestId("new-user").ClickAsync();
        await admin.GetByTestId("new-user-email").FillAsync("carol@portal.local");
        await admin.GetByTestId("new-user-name").FillAsync("Carol");
        await admin.GetByTestId("new-user-password").FillAsync("carol-first-password");
        await admin.ScreenshotAsync("03-users-new-user-dialog");
        await admin.GetByTestId("create-user-submit").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("users-table")).ToContainTextAsync("carol@portal.local");
        await admin.ScreenshotAsync("04-users");

        var carol = await browser.NewPageAsync();
        await carol.LoginAsync("carol@portal.local", "carol-first-password");
        await Assertions.Expect(carol.GetByTestId("forced-change")).ToBeVisibleAsync();
        await carol.FillAsync("#Input\\.OldPassword", "carol-first-password");
        await carol.FillAsync("#Input\\.NewPassword", "carol-own-password");
        await carol.FillAsync("#Input\\.ConfirmPassword", "carol-own-password");
        await carol.ClickAsync("button[type=submit]");
        await carol.WaitForInteractiveAsync();
        await Assertions.Expect(carol.GetByRole(AriaRole.Link, new() { Name = "Connections", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(carol.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(carol.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        await carol.ScreenshotAsync("05-home-user");

        await carol.GotoAsync("/admin/users");
        await Assertions.Expect(carol.GetByText("Access denied")).ToBeVisibleAsync();
        await carol.ScreenshotAsync("06-access-denied");
        await carol.GotoAsync("/admin/audit");
        await Assertions.Expect(carol.GetByText("Access denied")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_theme_choice_is_remembered_for_the_user()
    {
        var page = await browser.NewPageAsync();
        await page.LoginAsync("alice@portal.local", "Portal-demo-2026");
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("theme-toggle").ClickAsync();
        await page.WaitForTimeoutAsync(300);
        var other = await browser.NewPageAsync();
        await other.LoginAsync("alice@portal.local", "Portal-demo-2026");
        await other.WaitForInteractiveAsync();
        await other.ScreenshotAsync("07-home-dark");

        var background = await other.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(15, 20, 26)", background);
    }
}
