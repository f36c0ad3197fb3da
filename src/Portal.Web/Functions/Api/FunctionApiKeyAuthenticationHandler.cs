using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Portal.Connections.Api;
using Portal.Web.Functions.Keys;

namespace Portal.Web.Functions.Api;

/// <summary>
/// Scheme for the execute endpoint only: <c>X-Portal-Api-Key</c> or <c>?zapikey=</c>. The principal is the user
/// who enabled the key, with their current roles, plus a claim naming the one function it may run.
/// </summary>
internal sealed class FunctionApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    FunctionApiKeyService keys,
    IConnectionsUserDirectory users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string InvalidKeyMessage = "The function API key is not valid: it was disabled or regenerated, or belongs to another function. Ask the function's owner for the current key (REST API tab).";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[FunctionApiKeyDefaults.HeaderName].ToString();
        if (string.IsNullOrEmpty(key))
        {
            key = Request.Query[FunctionApiKeyDefaults.QueryName].ToString();
        }

        // A bearer token is the personal-access-token scheme's business; the two are never merged into one caller.
        if (string.IsNullOrEmpty(key) || Request.Headers.Authorization.Count > 0)
        {
            return AuthenticateResult.NoResult();
        }

        var match = await keys.FindAsync(key, Context.RequestAborted);
        var roles = match is null ? null : await users.GetRolesAsync(match.UserId, Context.RequestAborted);
        if (match is null || roles is null)
        {
            return AuthenticateResult.Fail(InvalidKeyMessage);
        }

        // SEC-36: a key stopped by someone else's change authenticates nobody; its callers are told why.
        if (match.DisabledReason is { } reason)
        {
            return AuthenticateResult.Fail(new FunctionApiKeyDisabledException(reason));
        }

        var email = await users.GetEmailAsync(match.UserId, Context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, match.UserId),
            new(FunctionApiKeyDefaults.FunctionIdClaim, match.FunctionId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(FunctionApiKeyDefaults.KeyHashClaim, match.KeyHash),
        };
        if (email is not null)
        {
            claims.Add(new Claim(ClaimTypes.Name, email));
        }

        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>Runs after the token scheme's challenge (policy order), and explains in the execute envelope what to send.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Response.HasStarted)
        {
            return;
        }

        var result = await AuthenticateAsync();
        if (result.Failure is FunctionApiKeyDisabledException disabled)
        {
            Response.StatusCode = 403;
            await ExecuteResponses.Error(403, disabled.Message).ExecuteAsync(Context);
            return;
        }

        var message = result.Failure is not null
            ? InvalidKeyMessage
            : "Authentication is required: send a personal access token (Authorization: Bearer pat_…) or the function's API key (X-Portal-Api-Key header or ?zapikey=).";
        Response.StatusCode = 401;
        await ExecuteResponses.Error(401, message).ExecuteAsync(Context);
    }
}
