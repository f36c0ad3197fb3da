using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Identity;

/// <summary>
/// Every account page a user can open by typing its address, following an old link or pressing Back answers with a
/// page or a redirect, never a server error — signed out, and signed in without two-factor authentication set up.
/// </summary>
public sealed class AccountPagesNeverFailTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    public static TheoryData<string> AccountPages()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Portal.Web.Components.Account.Pages", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template.Replace("{Id}", "no-such-passkey", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(routes.Length > 20, "the account pages were not found by reflection");
        return new TheoryData<string>(routes);
    }

    [Theory]
    [MemberData(nameof(AccountPages))]
    public async Task Signed_out(string page)
    {
        using var client = LoginClient.CreateClient(factory);

        var response = await client.GetAsync(page);

        Assert.True((int)response.StatusCode < 500, $"{page} answered {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(AccountPages))]
    public async Task Signed_in_without_two_factor(string page)
    {
        using var client = LoginClient.CreateClient(factory);
        var login = await LoginClient.PostLoginAsync(client, PortalWebFactory.AdminEmail, PortalWebFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var response = await client.GetAsync(page);

        Assert.True((int)response.StatusCode < 500, $"{page} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task An_expired_two_factor_step_sends_the_user_back_to_sign_in_with_the_reason()
    {
        using var client = LoginClient.CreateClient(factory);

        var response = await client.GetAsync("/Account/LoginWith2fa?ReturnUrl=%2Ffunctions");
        var page = await LoginClient.FollowAsync(client, response);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("The two-factor sign-in step has expired or was not started", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/Manage/Disable2fa", "Two-factor authentication is not turned on, so there is nothing to disable.")]
    [InlineData("/Account/Manage/GenerateRecoveryCodes", "Recovery codes belong to two-factor authentication: set up an authenticator app first.")]
    public async Task Two_factor_pages_without_two_factor_explain_instead_of_failing(string page, string explanation)
    {
        using var client = LoginClient.CreateClient(factory);
        await LoginClient.PostLoginAsync(client, PortalWebFactory.AdminEmail, PortalWebFactory.AdminPassword);

        var response = await client.GetAsync(page);
        var shown = await LoginClient.FollowAsync(client, response);

        Assert.EndsWith("/Account/Manage/TwoFactorAuthentication", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(explanation, System.Net.WebUtility.HtmlDecode(shown), StringComparison.Ordinal);
    }
}
