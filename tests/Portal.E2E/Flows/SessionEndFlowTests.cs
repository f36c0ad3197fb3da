using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Flows;

public sealed partial class SessionEndFlowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // SEC-38 (F8): a locked user's open page used to keep working for up to 30 minutes.
    [Fact]
    public async Task A_user_locked_in_Users_and_Control_is_sent_to_the_login_page_within_10_seconds_without_clicking_anything()
    {
        var bob = await browser.NewPageAsync();
        await bob.LoginAsync("bob@portal.local", "Portal-demo-2026");
        await bob.WaitForInteractiveAsync();
        await bob.GotoAsync("/functions");
        await bob.WaitForInteractiveAsync();
        var admin = await browser.NewPageAsync();
        await admin.LoginAsync(PortalServer.AdminEmail, PortalServer.AdminPassword);
        await admin.WaitForInteractiveAsync();
        await admin.GotoAsync("/admin/users");
        await admin.WaitForInteractiveAsync();

        await admin.GetByLabel("Lock bob@portal.local").ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Unlock bob@portal.local")).ToBeVisibleAsync();
        var lockedAt = Stopwatch.StartNew();
        await bob.WaitForURLAsync(LoginPage(), new PageWaitForURLOptions { Timeout = 10_000 });
        var ended = lockedAt.Elapsed;
        await bob.ScreenshotAsync("security-session-ended-after-lock");
        await bob.GotoAsync("/functions");

        Assert.True(ended < TimeSpan.FromSeconds(10), $"bob's page stayed open for {ended.TotalSeconds:F1} s");
        await Assertions.Expect(bob).ToHaveURLAsync(LoginPage());
    }

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginPage();
}
