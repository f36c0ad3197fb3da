using Duende.IdentityModel.Client;

namespace Portal.Sandbox.Tests.Infrastructure;

/// <summary>Token-endpoint calls made with Duende.IdentityModel, the same library the portal uses as a client.</summary>
public static class SandboxTokens
{
    public static async Task<TokenResponse> ExchangeAsync(SandboxFixture sandbox, string code, string verifier)
    {
        using var client = sandbox.NewApiClient();
        return await client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = SandboxCatalog.TokenPath,
            ClientId = SandboxFixture.ClientId,
            ClientSecret = SandboxFixture.ClientSecret,
            Code = code,
            RedirectUri = SandboxFixture.RedirectUri,
            CodeVerifier = verifier,
        });
    }

    /// <summary>The whole browser flow plus code exchange, for tests that only need a user's tokens.</summary>
    public static async Task<TokenResponse> ForUserAsync(SandboxFixture sandbox, string email, string scope)
    {
        using var browser = sandbox.NewBrowser();
        var outcome = await browser.AuthorizeAsync(email, scope);
        var tokens = await ExchangeAsync(sandbox, outcome.Code!, outcome.Pkce.Verifier);
        Assert.False(tokens.IsError, tokens.Error + " " + tokens.ErrorDescription);
        return tokens;
    }

    public static async Task<TokenResponse> RefreshAsync(SandboxFixture sandbox, string refreshToken)
    {
        using var client = sandbox.NewApiClient();
        return await client.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = SandboxCatalog.TokenPath,
            ClientId = SandboxFixture.ClientId,
            ClientSecret = SandboxFixture.ClientSecret,
            RefreshToken = refreshToken,
        });
    }

    public static async Task<TokenRevocationResponse> RevokeAsync(SandboxFixture sandbox, string token, string hint)
    {
        using var client = sandbox.NewApiClient();
        return await client.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = SandboxCatalog.RevokePath,
            ClientId = SandboxFixture.ClientId,
            ClientSecret = SandboxFixture.ClientSecret,
            Token = token,
            TokenTypeHint = hint,
        });
    }

    public static HttpRequestMessage Bearer(HttpMethod method, string path, string accessToken, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }
}
