using System.Net;
using System.Text.RegularExpressions;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Identity;

public sealed partial class GeneratedAdminTests(GeneratedAdminFactory factory) : IClassFixture<GeneratedAdminFactory>
{
    [Fact]
    public async Task Without_configuration_the_admin_gets_a_random_password_that_must_be_changed_at_first_login()
    {
        using var client = LoginClient.CreateClient(factory);
        _ = factory.Services;
        var announcement = Assert.Single(factory.Announcer.Messages);
        var password = Password().Match(announcement).Groups[1].Value;

        var login = await LoginClient.PostLoginAsync(client, "admin@portal.local", password);
        var home = await client.GetAsync("/");

        Assert.Contains("admin@portal.local", announcement, StringComparison.Ordinal);
        Assert.True(password.Length >= 16);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/Manage/ChangePassword?forced=1", home.Headers.Location!.OriginalString);
    }

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex Password();
}
