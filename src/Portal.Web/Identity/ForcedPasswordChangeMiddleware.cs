namespace Portal.Web.Identity;

/// <summary>Keeps a user with a password chosen by someone else on the change-password page until they pick their own.</summary>
internal sealed class ForcedPasswordChangeMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/Manage/ChangePassword";

    private static readonly string[] AllowedPrefixes =
        [ChangePasswordPath, "/Account/Logout", "/_framework", "/_content", "/_blazor", "/assets", "/healthz", "/lib", "/favicon"];

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && user.HasClaim(PortalClaimTypes.MustChangePassword, "true")
            && HttpMethods.IsGet(context.Request.Method)
            && !AllowedPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && !Path.HasExtension(context.Request.Path.Value))
        {
            context.Response.Redirect(ChangePasswordPath + "?forced=1");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
