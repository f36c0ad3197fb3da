using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Connections.Api;

/// <summary>Scheme <c>PortalToken</c>: <c>Authorization: Bearer pat_…</c>; roles come from <see cref="IConnectionsUserDirectory"/>.</summary>
internal sealed class PersonalAccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PersonalAccessTokenService tokens,
    IConnectionsUserDirectory users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(PersonalAccessTokenService.TokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var userId = await tokens.ValidateAsync(token, Context.RequestAborted);
        var roles = userId is null ? null : await users.GetRolesAsync(userId, Context.RequestAborted);
        if (userId is null || roles is null)
        {
            return AuthenticateResult.Fail("The personal access token is invalid, expired or revoked. Create a new one in your user menu.");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId) };
        if (await users.GetEmailAsync(userId, Context.RequestAborted) is { } email)
        {
            claims.Add(new Claim(ClaimTypes.Name, email));
        }

        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"portal\", error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}
