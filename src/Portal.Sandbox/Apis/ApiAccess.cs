using Microsoft.AspNetCore.Authentication;
using OpenIddict.Validation.AspNetCore;

namespace Portal.Sandbox.Apis;

/// <summary>Bearer-token checks shared by the demo APIs, answering like RFC 6750 asks (401 / 403 with WWW-Authenticate).</summary>
internal static class ApiAccess
{
    private const string Realm = "Sandbox Cloud";

    /// <summary>Requires a valid access token carrying <paramref name="scope"/>; the caller is then in <see cref="Caller"/>.</summary>
    public static RouteHandlerBuilder RequireScope(this RouteHandlerBuilder endpoint, string scope) =>
        endpoint.AddEndpointFilter((context, next) => CheckAsync(context, next, scope, allowAnonymous: false));

    /// <summary>Like <see cref="RequireScope"/>, but a request without any token passes through anonymously.</summary>
    public static RouteHandlerBuilder OptionalScope(this RouteHandlerBuilder endpoint, string scope) =>
        endpoint.AddEndpointFilter((context, next) => CheckAsync(context, next, scope, allowAnonymous: true));

    public static SandboxCaller? Caller(this HttpContext http) => http.Items[typeof(SandboxCaller)] as SandboxCaller;

    public static IResult Error(int status, string error, string message) =>
        Results.Json(new { error, message }, statusCode: status);

    private static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string scope, bool allowAnonymous)
    {
        var http = context.HttpContext;
        var hasBearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (!hasBearer)
        {
            if (allowAnonymous)
            {
                return await next(context);
            }

            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Realm}\", scope=\"{scope}\"";
            return Error(StatusCodes.Status401Unauthorized, "unauthorized",
                $"This API needs an access token with the {scope} scope. Send it as 'Authorization: Bearer <token>'.");
        }

        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            var reason = result.Properties?.GetString(OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription)
                ?? "The access token is not valid.";
            http.Response.Headers.WWWAuthenticate =
                $"Bearer realm=\"{Realm}\", error=\"invalid_token\", error_description=\"{reason.Replace("\"", "'", StringComparison.Ordinal)}\"";
            return Error(StatusCodes.Status401Unauthorized, "invalid_token",
                $"{reason} Tokens expire, and are revoked when the app disconnects: refresh the token or authorize again, then retry.");
        }

        var caller = SandboxCaller.From(result.Principal);
        if (!caller.Scopes.Contains(scope))
        {
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Realm}\", error=\"insufficient_scope\", scope=\"{scope}\"";
            return Error(StatusCodes.Status403Forbidden, "insufficient_scope",
                $"This token was not granted the {scope} scope. Reconnect and allow {scope} on the Sandbox Cloud consent page.");
        }

        http.Items[typeof(SandboxCaller)] = caller;
        return await next(context);
    }
}
