using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Portal.Sandbox.Data;
using Portal.Sandbox.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sandbox.Authorization;

/// <summary>Passthrough token endpoint: re-checks the user behind codes and refresh tokens; issues client-credentials tokens.</summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, IOpenIddictApplicationManager applications, SandboxDbContext db, SandboxAddress address)
    {
        var apiDomain = (address.Url ?? new Uri(http.Request.Scheme + "://" + http.Request.Host)).GetLeftPart(UriPartial.Authority);
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not attach the token request.");

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var grant = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var userId = grant.Principal?.GetClaim(Claims.Subject);
            var user = userId is null ? null : await db.Users.FindAsync([userId], http.RequestAborted);
            if (grant.Principal is null || user is null)
            {
                return OpenIddictResults.Error(Errors.InvalidGrant, "The Sandbox Cloud account behind this grant no longer exists. Authorize again.");
            }

            var identity = new ClaimsIdentity(grant.Principal.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Email, user.Email).SetClaim(Claims.Name, user.DisplayName);
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            return OpenIddictResults.SignIn(identity, apiDomain, user.Email);
        }

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted);
            var name = application is null ? null : await applications.GetLocalizedDisplayNameAsync(application, http.RequestAborted);
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId)
                .SetClaim(Claims.Name, name ?? request.ClientId)
                .SetScopes(request.GetScopes().Remove(Scopes.OfflineAccess));
            identity.SetDestinations(static _ => [Destinations.AccessToken]);
            return OpenIddictResults.SignIn(identity, apiDomain);
        }

        return OpenIddictResults.Error(Errors.UnsupportedGrantType, "Sandbox Cloud supports authorization_code, refresh_token and client_credentials.");
    }
}
