using System.Net;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Identity;

/// <summary>
/// The two-factor pages opened out of turn (an old link, Back after the step expired, no authenticator set up) explain
/// what to do instead of failing. <see cref="Hosting.PagesNeverFailTests"/> proves no page answers 500.
/// </summary>
public sealed class TwoFactorPagesOutOfTurnTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
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
