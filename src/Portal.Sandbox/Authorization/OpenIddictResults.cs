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

    /// <param name="account">Sent as an extra <c>account</c> token-response parameter, so clients can show whose account they hold.</param>
    public static IResult SignIn(System.Security.Claims.ClaimsIdentity identity, string? account = null) =>
        Results.SignIn(
            new System.Security.Claims.ClaimsPrincipal(identity),
            account is null ? null : new AuthenticationProperties(items: null, parameters: new Dictionary<string, object?> { ["account"] = account }),
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
