using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Sandbox.Tests.Infrastructure;

/// <summary>A cookie-keeping HttpClient that clicks through the sandbox's login and consent pages like a browser.</summary>
public sealed class BrowserSession(Uri baseUrl) : IDisposable
{
    public HttpClient Http { get; } = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = baseUrl,
    };

    public static string AuthorizeUrl(
        string scope,
        string state,
        Pkce? pkce,
        string clientId = SandboxFixture.ClientId,
        string redirectUri = SandboxFixture.RedirectUri,
        string challengeMethod = "S256")
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
        };
        if (pkce is not null)
        {
            parameters["code_challenge"] = challengeMethod == "S256" ? pkce.Challenge : pkce.Verifier;
            parameters["code_challenge_method"] = challengeMethod;
        }

        return QueryHelpers.AddQueryString(SandboxCatalog.AuthorizePath, parameters);
    }

    /// <summary>Runs authorize → login (when needed) → consent → decision, and returns the redirect back to the client.</summary>
    public async Task<AuthorizationOutcome> AuthorizeAsync(
        string email,
        string scope,
        string decision = "allow",
        string clientId = SandboxFixture.ClientId)
    {
        var (pkce, state, loginHtml, consent) = await OpenConsentAsync(email, scope, clientId, extraQuery: "");
        var answer = await Http.PostAsync(consent.Form.Action, consent.Form.With(("decision", decision)));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return new AuthorizationOutcome(answer.Headers.Location!, pkce, state, loginHtml, consent.Html);
    }

    /// <summary>Signs in when asked and stops at the consent page.</summary>
    public async Task<(Pkce Pkce, string State, string? LoginHtml, (string Html, HtmlForm Form) Consent)> OpenConsentAsync(
        string email,
        string scope,
        string clientId = SandboxFixture.ClientId,
        string extraQuery = "")
    {
        var pkce = Pkce.Create();
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var response = await Http.GetAsync(AuthorizeUrl(scope, state, pkce, clientId) + extraQuery);
        string? loginHtml = null;
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("/account/login", StringComparison.Ordinal))
        {
            loginHtml = await Http.GetStringAsync(response.Headers.Location);
            var signedIn = await SignInAsync(loginHtml, email, SandboxCatalog.DemoPassword);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            response = await Http.GetAsync(signedIn.Headers.Location);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var consentHtml = await response.Content.ReadAsStringAsync();
        return (pkce, state, loginHtml, (consentHtml, HtmlForm.Single(consentHtml)));
    }

    public Task<HttpResponseMessage> SignInAsync(string loginHtml, string email, string password)
    {
        var form = HtmlForm.Single(loginHtml);
        return Http.PostAsync(form.Action, form.With(("email", email), ("password", password)));
    }

    public void Dispose() => Http.Dispose();
}
