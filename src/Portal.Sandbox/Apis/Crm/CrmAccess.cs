using Microsoft.AspNetCore.Authentication;
using OpenIddict.Validation.AspNetCore;

namespace Portal.Sandbox.Apis.Crm;

/// <summary>Token and scope checks for Sandbox CRM, answering with Zoho's error shapes instead of RFC 6750 challenges.</summary>
internal static class CrmAccess
{
    private const string ZohoScheme = "Zoho-oauthtoken ";
    private const string BearerScheme = "Bearer ";

    /// <summary>Reading needs <c>ZohoCRM.modules.READ</c> or <c>.ALL</c>.</summary>
    public static RouteHandlerBuilder CrmRead(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter((context, next) => CheckAsync(context, next, write: false));

    /// <summary>Writing needs <c>ZohoCRM.modules.ALL</c>.</summary>
    public static RouteHandlerBuilder CrmWrite(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter((context, next) => CheckAsync(context, next, write: true));

    /// <summary>The access token from <c>Zoho-oauthtoken &lt;t&gt;</c> or <c>Bearer &lt;t&gt;</c>, else null.</summary>
    public static string? TokenFrom(string authorization)
    {
        var token = authorization.StartsWith(ZohoScheme, StringComparison.OrdinalIgnoreCase) ? authorization[ZohoScheme.Length..]
            : authorization.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase) ? authorization[BearerScheme.Length..]
            : null;
        return string.IsNullOrWhiteSpace(token) ? null : token.Trim();
    }

    private static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, bool write)
    {
        var http = context.HttpContext;
        if (TokenFrom(http.Request.Headers.Authorization.ToString()) is not { } token)
        {
            return CrmErrors.InvalidToken();
        }

        // OpenIddict validation only reads the Bearer scheme; Zoho clients send Zoho-oauthtoken.
        http.Request.Headers.Authorization = BearerScheme + token;
        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            return CrmErrors.InvalidToken();
        }

        var caller = SandboxCaller.From(result.Principal);
        var allowed = caller.Scopes.Contains(SandboxCatalog.CrmModulesAll)
            || (!write && caller.Scopes.Contains(SandboxCatalog.CrmModulesRead));
        if (!allowed)
        {
            return CrmErrors.ScopeMismatch();
        }

        http.Items[typeof(SandboxCaller)] = caller;
        return await next(context);
    }
}
