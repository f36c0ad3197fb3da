using System.Net;
using System.Text.RegularExpressions;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed partial class SandboxPagesTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Use_another_account_on_the_consent_page_switches_the_signed_in_user()
    {
        using var browser = sandbox.NewBrowser();
        await browser.AuthorizeAsync("sam@sandbox.test", "sheets.read");
        var start = await browser.Http.GetAsync(BrowserSession.AuthorizeUrl("sheets.read", "s2", Pkce.Create()));
        var consentAsSam = await start.Content.ReadAsStringAsync();
        var switchUrl = WebUtility.HtmlDecode(SwitchLink().Match(consentAsSam).Groups["url"].Value);

        var login = await browser.Http.GetStringAsync(switchUrl);
        var signedIn = await browser.SignInAsync(login, "riley@sandbox.test", SandboxCatalog.DemoPassword);
        var consentAsRiley = await browser.Http.GetStringAsync(signedIn.Headers.Location);

        Assert.Contains("sam@sandbox.test", consentAsSam);
        Assert.Contains("riley@sandbox.test", consentAsRiley);
        Assert.DoesNotContain("sam@sandbox.test", consentAsRiley);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login?returnUrl=%2F")]
    public async Task Pages_load_nothing_from_other_sites_and_cannot_be_framed(string path)
    {
        using var browser = sandbox.NewBrowser();

        var response = await browser.Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        // SEC-31
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotMatch("(src|href)=\"https?:", html);
        Assert.Contains("Sandbox <strong>Cloud</strong>", html);
    }

    [Fact]
    public async Task Response_mode_form_post_answers_with_a_self_submitting_form_the_page_policy_allows()
    {
        using var browser = sandbox.NewBrowser();
        var (_, state, _, consent) = await browser.OpenConsentAsync("sam@sandbox.test", "sheets.read", extraQuery: "&response_mode=form_post");

        var answer = await browser.Http.PostAsync(consent.Form.Action, consent.Form.With(("decision", "allow")));
        var html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains($"action=\"{SandboxFixture.RedirectUri}\"", html);
        Assert.Contains("name=\"code\"", html);
        Assert.Contains(state, html);
        Assert.Contains("script-src 'unsafe-inline'", answer.Headers.GetValues("Content-Security-Policy").Single());
    }

    [GeneratedRegex("""<a href="(?<url>[^"]+)">Not you\? Use another account</a>""")]
    private static partial Regex SwitchLink();
}
