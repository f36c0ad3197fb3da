using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Identity;
using Portal.Web.Users;
using Xunit.Abstractions;

namespace Portal.Web.Tests.Security.Identity;

public sealed class SessionEndTests(LoopbackPortalWebFactory factory, ITestOutputHelper output) : IClassFixture<LoopbackPortalWebFactory>
{
    // SEC-38 (F8): the cookie of a locked user used to open /functions for up to 30 minutes.
    [Theory]
    [InlineData("lock")]
    [InlineData("delete")]
    [InlineData("demote")]
    public async Task After_an_admin_locks_deletes_or_demotes_a_user_their_browser_session_ends_within_10_seconds(string action)
    {
        var (email, id) = await PortalAccounts.CreateAsync(factory, Roles.Developer);
        using var browser = factory.CreateBrowser();
        var login = await LoginForm.PostAsync(browser, email, PortalAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/functions")).StatusCode);

        await ActAsync(action, id);
        var stopwatch = Stopwatch.StartNew();
        HttpResponseMessage page;
        do
        {
            await Task.Delay(250);
            page = await browser.GetAsync("/functions");
        }
        while (page.StatusCode == HttpStatusCode.OK && stopwatch.Elapsed < TimeSpan.FromSeconds(15));

        output.WriteLine($"{action}: session ended after {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"the session lasted {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    // SEC-38: setting up an authenticator changes the user's own stamp; with 5 s revalidation that must not sign them out.
    [Fact]
    public async Task Opening_the_authenticator_setup_page_keeps_the_user_signed_in()
    {
        var (email, _) = await PortalAccounts.CreateAsync(factory, Roles.Developer);
        using var browser = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await LoginForm.PostAsync(browser, email, PortalAccounts.Password)).StatusCode);

        var setup = await browser.GetAsync("/Account/Manage/EnableAuthenticator");
        await Task.Delay(SessionRevalidation.Interval + TimeSpan.FromSeconds(1));
        var later = await browser.GetAsync("/functions");

        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    private async Task ActAsync(string action, string userId)
    {
        var admin = await PortalAccounts.AdminAsync(factory);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserAdminService>();
        var result = action switch
        {
            "lock" => await users.SetLockedAsync(admin, userId, locked: true),
            "delete" => await users.DeleteAsync(admin, userId),
            _ => await users.SetRoleAsync(admin, userId, Roles.User),
        };
        Assert.True(result.Succeeded, result.Error);
    }
}
