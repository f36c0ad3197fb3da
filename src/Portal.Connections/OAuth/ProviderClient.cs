using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using Portal.Connections.Catalog;

namespace Portal.Connections.OAuth;

/// <summary>Token, refresh, client-credentials and revocation calls via Duende.IdentityModel.</summary>
internal sealed class ProviderClient(IHttpClientFactory httpClients, TimeProvider time, ILogger<ProviderClient> logger)
{
    public async Task<TokenOutcome> ExchangeCodeAsync(ServiceRuntime s, string code, string redirectUri, string? verifier, CancellationToken ct)
    {
        var request = new AuthorizationCodeTokenRequest
        {
            Address = s.Descriptor.TokenUrl, ClientId = s.ClientId ?? "", ClientSecret = s.ClientSecret,
            ClientCredentialStyle = Style(s), Code = code, RedirectUri = redirectUri, CodeVerifier = verifier,
        };
        return await SendAsync(s, "code exchange", (c, t) => c.RequestAuthorizationCodeTokenAsync(request, t), ct);
    }

    public async Task<TokenOutcome> RefreshAsync(ServiceRuntime s, string refreshToken, CancellationToken ct)
    {
        var request = new RefreshTokenRequest
        {
            Address = s.RefreshUrl, ClientId = s.ClientId ?? "", ClientSecret = s.ClientSecret,
            ClientCredentialStyle = Style(s), RefreshToken = refreshToken,
        };
        return await SendAsync(s, "refresh", (c, t) => c.RequestRefreshTokenAsync(request, t), ct);
    }

    public async Task<TokenOutcome> ClientCredentialsAsync(ServiceRuntime s, IReadOnlyList<string> scopes, CancellationToken ct)
    {
        var request = new ClientCredentialsTokenRequest
        {
            Address = s.Descriptor.TokenUrl, ClientId = s.ClientId ?? "", ClientSecret = s.ClientSecret,
            ClientCredentialStyle = Style(s), Scope = scopes.Count == 0 ? null : string.Join(s.Descriptor.ScopeDelimiter, scopes),
        };
        return await SendAsync(s, "client credentials", (c, t) => c.RequestClientCredentialsTokenAsync(request, t), ct);
    }

    /// <summary>RFC 7009 revocation; best effort (SEC-8): failures are logged, never thrown.</summary>
    public async Task<bool> RevokeAsync(ServiceRuntime s, string token, string tokenTypeHint, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(s.Descriptor.RevokeUrl))
        {
            return false;
        }

        try
        {
            var client = httpClients.CreateClient(ConnectionsHttpClients.OAuth);
            using var response = await client.RevokeTokenAsync(new TokenRevocationRequest
            {
                Address = s.Descriptor.RevokeUrl, ClientId = s.ClientId ?? "", ClientSecret = s.ClientSecret,
                ClientCredentialStyle = Style(s), Token = token, TokenTypeHint = tokenTypeHint,
            }, ct);
            if (response.IsError)
            {
                logger.LogWarning("Revocation at {Service} failed with HTTP {Status}; the local copy is deleted anyway", s.Descriptor.Id, (int)response.HttpStatusCode);
            }

            return !response.IsError;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            logger.LogWarning("Revocation at {Service} failed ({Error}); the local copy is deleted anyway", s.Descriptor.Id, ex.GetType().Name);
            return false;
        }
    }

    private async Task<TokenOutcome> SendAsync(ServiceRuntime s, string what, Func<HttpClient, CancellationToken, Task<TokenResponse>> send, CancellationToken ct)
    {
        var client = httpClients.CreateClient(ConnectionsHttpClients.OAuth);
        var sentAt = time.GetUtcNow();
        TokenResponse response;
        try
        {
            response = await send(client, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient.Timeout surfaces as a cancellation; Duende rethrows it.
            logger.LogWarning("Token {What} for service {Service} timed out", what, s.Descriptor.Id);
            return new TokenOutcome(TokenOutcomeKind.Transient, Problem: "the token endpoint did not answer in time");
        }

        using var disposable = response;
        var outcome = TokenResponseReader.Read(response, sentAt);
        if (!outcome.IsSuccess)
        {
            logger.LogWarning("Token {What} for service {Service} failed: {Kind}, {Problem}", what, s.Descriptor.Id, outcome.Kind, outcome.Problem);
        }

        return outcome;
    }

    private static ClientCredentialStyle Style(ServiceRuntime s) =>
        s.Descriptor.ClientAuthentication == ClientAuthenticationStyle.BasicHeader ? ClientCredentialStyle.AuthorizationHeader : ClientCredentialStyle.PostBody;
}
