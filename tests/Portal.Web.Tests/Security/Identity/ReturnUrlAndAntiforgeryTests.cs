using System.Net;
using Portal.Web.Identity;

namespace Portal.Web.Tests.Security.Identity;

public sealed class ReturnUrlAndAntiforgeryTests(ProductionLoopbackPortalWebFactory factory) : IClassFixture<ProductionLoopbackPortalWebFactory>
{
    // SEC-38 (L2): a non-local ReturnUrl used to sign the user in and then answer 500.
    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/%09/evil.example/")]
    [InlineData("/%5Cevil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task Signing_in_with_an_off_site_return_url_goes_home(string returnUrl)
    {
        var (email, _) = await PortalAccounts.CreateAsync(factory, Roles.User);
        using var browser = factory.CreateBrowser();

        var signedIn = await PostLoginAsync(browser, email, "/Account/Login?ReturnUrl=" + returnUrl);
        var home = await browser.GetAsync(signedIn.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", new Uri(browser.BaseAddress!, signedIn.Headers.Location!).AbsolutePath);
        Assert.Equal(browser.BaseAddress!.Authority, new Uri(browser.BaseAddress!, signedIn.Headers.Location!).Authority);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Signing_in_with_a_local_return_url_still_returns_there()
    {
        var (email, _) = await PortalAccounts.CreateAsync(factory, Roles.User);
        using var browser = factory.CreateBrowser();

        var signedIn = await PostLoginAsync(browser, email, "/Account/Login?ReturnUrl=%2Ffunctions%3Fq%3D1");

        Assert.Equal("/functions?q=1", new Uri(browser.BaseAddress!, signedIn.Headers.Location!).PathAndQuery);
    }

    // SEC-38 (L2): forms posted without their antiforgery token used to answer 500.
    [Fact]
    public async Task Logout_without_an_antiforgery_token_answers_400()
    {
        var (email, _) = await PortalAccounts.CreateAsync(factory, Roles.User);
        using var browser = factory.CreateBrowser();
        await PostLoginAsync(browser, email, "/Account/Login");

        var logout = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "functions" }));

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
    }

    // SEC-38 (L2)
    [Fact]
    public async Task External_login_without_an_antiforgery_token_answers_400()
    {
        using var anonymous = factory.CreateBrowser();

        var external = await anonymous.PostAsync("/Account/PerformExternalLogin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["provider"] = "Google", ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, external.StatusCode);
    }

    // SEC-38 (L2)
    [Fact]
    public async Task Logout_with_an_off_site_return_url_signs_out_and_goes_home()
    {
        var (email, _) = await PortalAccounts.CreateAsync(factory, Roles.User);
        using var browser = factory.CreateBrowser();
        await PostLoginAsync(browser, email, "/Account/Login");
        var token = LoginForm.Token(await browser.GetStringAsync("/Account/Manage/ChangePassword"));

        var logout = await browser.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = "//evil.example/",
        }));
        var afterwards = await browser.GetAsync("/functions");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(browser.BaseAddress!.Authority, new Uri(browser.BaseAddress!, logout.Headers.Location!).Authority);
        Assert.Equal("/", new Uri(browser.BaseAddress!, logout.Headers.Location!).AbsolutePath);
        Assert.Contains("/Account/Login", afterwards.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string email, string loginPath)
    {
        var response = await LoginForm.PostAsync(browser, email, PortalAccounts.Password, loginPath);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }
}
