using System.Net;
using System.Text.Json;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed class AuthorizationCodeFlowTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Code_flow_with_PKCE_through_login_and_consent_pages_gives_a_token_the_API_accepts()
    {
        using var browser = sandbox.NewBrowser();

        var outcome = await browser.AuthorizeAsync("sam@sandbox.test", "sheets.read sheets.write");
        var tokens = await SandboxTokens.ExchangeAsync(sandbox, outcome.Code!, outcome.Pkce.Verifier);
        using var api = sandbox.NewApiClient();
        var sheets = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/sheets/v1/spreadsheets", tokens.AccessToken!));

        Assert.Contains("Sign in to Sandbox Cloud", outcome.LoginHtml);
        Assert.Contains("<strong class=\"client\">Portal (tests)</strong>", outcome.LoginHtml);
        Assert.Contains("See your spreadsheets and the rows in them", outcome.ConsentHtml);
        Assert.Contains("Add, change and delete rows in your spreadsheets", outcome.ConsentHtml);
        Assert.StartsWith(SandboxFixture.RedirectUri + "?", outcome.Location.AbsoluteUri);
        Assert.Equal(outcome.State, outcome.Query["state"]);
        Assert.False(tokens.IsError, tokens.Error);
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.NotNull(tokens.RefreshToken);
        Assert.InRange(tokens.ExpiresIn, 3500, 3600);
        Assert.Contains("sheets.write", tokens.Scope);
        Assert.Equal(HttpStatusCode.OK, sheets.StatusCode);
        Assert.Contains("Sam's Budget 2026", await sheets.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Authorization_response_carries_the_issuer_for_mix_up_defence()
    {
        using var browser = sandbox.NewBrowser();

        var outcome = await browser.AuthorizeAsync("riley@sandbox.test", "echo.read");
        using var api = sandbox.NewApiClient();
        var discovery = JsonDocument.Parse(await api.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        // SEC-4
        Assert.Equal(sandbox.Instance.Issuer, outcome.Query["iss"]);
        Assert.Equal(sandbox.Instance.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.True(discovery.GetProperty("authorization_response_iss_parameter_supported").GetBoolean());
    }

    [Fact]
    public async Task Authorization_request_without_PKCE_is_refused()
    {
        using var browser = sandbox.NewBrowser();

        var response = await browser.Http.GetAsync(BrowserSession.AuthorizeUrl("sheets.read", "state-1", pkce: null));
        var page = await response.Content.ReadAsStringAsync();

        // SEC-1
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("code_challenge", page);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Plain_PKCE_is_refused_because_only_S256_is_accepted()
    {
        using var browser = sandbox.NewBrowser();

        var response = await browser.Http.GetAsync(BrowserSession.AuthorizeUrl("sheets.read", "state-2", Pkce.Create(), challengeMethod: "plain"));

        // SEC-1
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("code_challenge_method", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deny_on_the_consent_page_returns_access_denied_to_the_redirect_uri()
    {
        using var browser = sandbox.NewBrowser();

        var outcome = await browser.AuthorizeAsync("sam@sandbox.test", "mail.read", decision: "deny");

        Assert.StartsWith(SandboxFixture.RedirectUri + "?", outcome.Location.AbsoluteUri);
        Assert.Equal("access_denied", outcome.Error);
        Assert.Equal(outcome.State, outcome.Query["state"]);
        Assert.Equal(sandbox.Instance.Issuer, outcome.Query["iss"]);
        Assert.Null(outcome.Code);
        Assert.DoesNotContain("Sam", outcome.Query["error_description"]);
    }

    [Fact]
    public async Task Code_exchange_with_the_wrong_verifier_is_rejected()
    {
        using var browser = sandbox.NewBrowser();
        var outcome = await browser.AuthorizeAsync("sam@sandbox.test", "sheets.read");

        var tokens = await SandboxTokens.ExchangeAsync(sandbox, outcome.Code!, Pkce.Create().Verifier);

        Assert.True(tokens.IsError);
        Assert.Equal("invalid_grant", tokens.Error);
    }

    [Fact]
    public async Task An_authorization_code_works_only_once()
    {
        using var browser = sandbox.NewBrowser();
        var outcome = await browser.AuthorizeAsync("sam@sandbox.test", "sheets.read");
        var first = await SandboxTokens.ExchangeAsync(sandbox, outcome.Code!, outcome.Pkce.Verifier);

        var second = await SandboxTokens.ExchangeAsync(sandbox, outcome.Code!, outcome.Pkce.Verifier);

        Assert.False(first.IsError);
        Assert.Equal("invalid_grant", second.Error);
    }

    [Fact]
    public async Task Unknown_redirect_uri_shows_a_sandbox_error_page_instead_of_redirecting()
    {
        using var browser = sandbox.NewBrowser();

        var response = await browser.Http.GetAsync(
            BrowserSession.AuthorizeUrl("sheets.read", "s", Pkce.Create(), redirectUri: "http://127.0.0.1:9/evil"));
        var page = await response.Content.ReadAsStringAsync();

        // SEC-5
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Sandbox <strong>Cloud</strong>", page);
        Assert.Contains("redirect_uri", page);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_does_not_sign_in()
    {
        using var browser = sandbox.NewBrowser();
        var loginHtml = await browser.Http.GetStringAsync("/account/login?returnUrl=%2F");

        var response = await browser.SignInAsync(loginHtml, "sam@sandbox.test", "wrong-password");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("don&#x27;t match a Sandbox Cloud account", page);
        Assert.DoesNotContain(".SandboxCloud.Login", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? string.Join(";", cookies) : "");
    }

    [Fact]
    public async Task Login_never_redirects_to_another_site()
    {
        using var browser = sandbox.NewBrowser();
        var loginHtml = await browser.Http.GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString("//evil.example/steal"));

        var response = await browser.SignInAsync(loginHtml, "sam@sandbox.test", SandboxCatalog.DemoPassword);

        // SEC-5
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Consent_answer_without_the_antiforgery_token_is_rejected()
    {
        using var browser = sandbox.NewBrowser();
        var start = await browser.Http.GetAsync(BrowserSession.AuthorizeUrl("sheets.read", "s", Pkce.Create()));
        var login = await browser.Http.GetStringAsync(start.Headers.Location);
        var signedIn = await browser.SignInAsync(login, "sam@sandbox.test", SandboxCatalog.DemoPassword);
        var consent = HtmlForm.Single(await browser.Http.GetStringAsync(signedIn.Headers.Location));
        var fields = consent.Fields.Where(field => !field.Key.StartsWith("__", StringComparison.Ordinal))
            .Append(KeyValuePair.Create("decision", "allow"));

        var response = await browser.Http.PostAsync(consent.Action, new FormUrlEncodedContent(fields));

        // SEC-31
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
