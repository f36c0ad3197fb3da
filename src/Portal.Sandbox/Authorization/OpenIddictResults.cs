using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Portal.Sandbox.Authorization;

internal static class OpenIddictResults
{
    /// <summary>Lets OpenIddict send a protocol error (redirect to the client, or JSON from the token endpoint).</summary>
    public static IResult Error(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <param name="apiDomain">Sent as <c>api_domain</c> like Zoho's accounts server, so Zoho-style clients know where the APIs live.</param>
    /// <param name="account">Sent as an extra <c>account</c> token-response parameter, so clients can show whose account they hold.</param>
    public static IResult SignIn(System.Security.Claims.ClaimsIdentity identity, string? apiDomain = null, string? account = null)
    {
        var parameters = new Dictionary<string, object?>();
        if (apiDomain is not null)
        {
            parameters["api_domain"] = apiDomain;
        }

        if (account is not null)
        {
            parameters["account"] = account;
        }

        return Results.SignIn(
            new System.Security.Claims.ClaimsPrincipal(identity),
            parameters.Count == 0 ? null : new AuthenticationProperties(items: null, parameters: parameters),
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
