using System.Net;
using Portal.Web.Identity;

namespace Portal.Web.Tests.Security.Identity;

public sealed class ForwardedHeadersTests
{
    // SEC-38 (L9): the sign-in cookie used to travel over plain http in Production.
    [Fact]
    public async Task In_production_over_plain_http_the_sign_in_cookie_is_secure()
    {
        await using var factory = new ProductionLoopbackPortalWebFactory();
        var (email, _) = await PortalAccounts.CreateAsync(factory, Roles.User);
        using var browser = factory.CreateBrowser();

        var login = await LoginForm.PostAsync(browser, email, PortalAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authCookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", authCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", authCookie, StringComparison.OrdinalIgnoreCase);
    }

    // SEC-38 (L9): behind a TLS-terminating proxy the portal builds its own URLs with the address users reach.
    [Fact]
    public async Task Behind_a_trusted_proxy_the_portal_uses_the_forwarded_scheme_and_host()
    {
        await using var factory = new ProductionLoopbackPortalWebFactory { Settings = { ["ForwardedHeaders:Enabled"] = "true" } };
        using var browser = factory.CreateBrowser();

        var challenge = await SendViaProxyAsync(browser, "/functions");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("https://portal.example/Account/Login", challenge.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(challenge.Headers.Contains("Strict-Transport-Security"));
    }

    // SEC-38 (L9): a client that is not a listed proxy cannot claim to be https or another host.
    [Theory]
    [InlineData("false", "")]
    [InlineData("true", "10.0.0.5")]
    public async Task Forwarded_headers_from_a_client_that_is_not_a_trusted_proxy_are_ignored(string enabled, string knownProxy)
    {
        var settings = new Dictionary<string, string> { ["ForwardedHeaders:Enabled"] = enabled };
        if (knownProxy.Length > 0)
        {
            settings["ForwardedHeaders:KnownProxies:0"] = knownProxy;
        }

        await using var factory = new ProductionLoopbackPortalWebFactory { Settings = settings };
        using var browser = factory.CreateBrowser();

        var challenge = await SendViaProxyAsync(browser, "/functions");

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(factory.BaseAddress.GetLeftPart(UriPartial.Authority) + "/Account/Login", challenge.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendViaProxyAsync(HttpClient browser, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "portal.example");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return browser.SendAsync(request);
    }
}
