using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sandbox.Apis;

/// <summary>Who an access token belongs to: a sandbox user (authorization code) or a client (client credentials).</summary>
internal sealed record SandboxCaller(string Subject, string? Email, string? Name, string? ClientId, IReadOnlyList<string> Scopes)
{
    public static SandboxCaller From(ClaimsPrincipal principal) => new(
        principal.GetClaim(Claims.Subject) ?? "",
        principal.GetClaim(Claims.Email),
        principal.GetClaim(Claims.Name),
        principal.GetPresenters().FirstOrDefault() ?? principal.GetClaim(Claims.ClientId),
        [.. principal.GetScopes()]);

    /// <summary>Client-credentials tokens carry no email: there is no Sandbox Cloud user behind them.</summary>
    public bool IsUser => Email is not null;
}
