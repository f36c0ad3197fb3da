using System.Net;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests.Security;

public sealed class LoginReturnUrlTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    // SEC-38 (L1): a browser strips the tab of "/\t/host" and follows "//host" off-site.
    [Theory]
    [InlineData("/%09/127.0.0.1:9/")]
    [InlineData("/%0a/127.0.0.1:9/")]
    [InlineData("/%0d%0a/127.0.0.1:9/")]
    [InlineData("/%5c127.0.0.1:9/")]
    [InlineData("/%20/127.0.0.1:9/")]
    [InlineData("//127.0.0.1:9/")]
    [InlineData("https://127.0.0.1:9/")]
    public async Task Signing_in_never_follows_a_return_url_that_a_browser_would_take_off_site(string returnUrl)
    {
        using var browser = sandbox.NewBrowser();
        var loginHtml = await browser.Http.GetStringAsync("/account/login?returnUrl=" + returnUrl);

        var signedIn = await browser.SignInAsync(loginHtml, "sam@sandbox.test", SandboxCatalog.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_in_still_resumes_a_real_authorize_request()
    {
        using var browser = sandbox.NewBrowser();
        var authorize = await browser.Http.GetAsync(BrowserSession.AuthorizeUrl("sheets.read sheets.write", "state-1", Pkce.Create()));
        var loginHtml = await browser.Http.GetStringAsync(authorize.Headers.Location);

        var signedIn = await browser.SignInAsync(loginHtml, "sam@sandbox.test", SandboxCatalog.DemoPassword);

        Assert.StartsWith(SandboxCatalog.AuthorizePath + "?", signedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
