using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Connections.Catalog;

namespace Portal.Connections.OAuth;

/// <summary>Browser endpoints: consent start/callback and logos.</summary>
internal static class OAuthEndpoints
{
    public const string StartPath = "/connections/oauth/start";
    public const string CallbackPath = "/connections/oauth/callback";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(StartPath, StartAsync).RequireAuthorization(ConnectionsPolicies.Browser).ExcludeFromDescription();
        app.MapGet(CallbackPath, CallbackAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/connections/logos/{file}", Logo).AllowAnonymous().ExcludeFromDescription();
    }

    public static string BaseUrl(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<ConnectionsOptions>>().Value.PublicBaseUrl;
        return string.IsNullOrEmpty(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : configured.TrimEnd('/');
    }

    private static async Task StartAsync(HttpContext context, OAuthFlowService flow, IOptions<ConnectionsOptions> options, string? connection)
    {
        var user = ConnectionsUser.From(context.User)!;
        if (string.IsNullOrEmpty(connection))
        {
            await CallbackPage.WriteAsync(context, new(false, null, "No connection was given.", new ConnectionProblem(ConnectionsErrorKind.Invalid, ConnectionRemedy.Connect)), 400);
            return;
        }

        var cookieName = options.Value.BrowserBindingCookieName;
        try
        {
            var result = await flow.StartAsync(connection, user.UserId, BaseUrl(context) + CallbackPath, context.Request.Cookies[cookieName], context.RequestAborted);
            context.Response.Cookies.Append(cookieName, result.BrowserBinding, new CookieOptions
            {
                HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = context.Request.PathBase + "/connections/oauth",
                Expires = result.ExpiresAt, IsEssential = true,
            });
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            context.Response.Redirect(result.AuthorizeUrl);
        }
        catch (ConnectionsException ex)
        {
            var status = ex.Kind switch { ConnectionsErrorKind.NotFound => 404, ConnectionsErrorKind.Forbidden => 403, _ => 400 };
            await CallbackPage.WriteAsync(context, new(false, ex.LinkName, ex.Message, ex.Problem), status);
        }
    }

    private static async Task CallbackAsync(HttpContext context, OAuthFlowService flow, IOptions<ConnectionsOptions> options)
    {
        var q = context.Request.Query;
        var user = ConnectionsUser.From(context.User);
        var completion = await flow.CompleteAsync(
            new OAuthCallback(q["state"], q["code"], q["iss"], q["error"], q["error_description"]),
            user?.UserId, context.Request.Cookies[options.Value.BrowserBindingCookieName], context.RequestAborted);
        await CallbackPage.WriteAsync(context, completion, completion.Succeeded ? 200 : 400);
    }

    private static IResult Logo(string file, HttpContext context)
    {
        var svg = CatalogLoader.LoadLogo(file);
        if (svg is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=86400";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return Results.Bytes(svg, "image/svg+xml");
    }
}
