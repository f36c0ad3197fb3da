namespace Portal.Sandbox.Hosting;

internal static class SecurityHeaders
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// Pages carry no third-party resources and cannot be framed; nothing sensitive is cached. The authorize endpoint
    /// may run inline script because OpenIddict's response_mode=form_post page submits itself with one.
    /// </summary>
    public static IApplicationBuilder UseSandboxSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";

        // No form-action: the consent form's redirect to the client's redirect URI must not be blocked.
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(SandboxCatalog.AuthorizePath)
            ? $"{Policy}; script-src 'unsafe-inline'"
            : Policy;
        return next(http);
    });
}
