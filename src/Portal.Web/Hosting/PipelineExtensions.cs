using Microsoft.Extensions.FileProviders;
using Portal.Connections;
using Portal.Web.Audit;
using Portal.Web.Components;
using Portal.Web.Functions.Api;
using Portal.Web.Identity;
using Portal.Web.Security;

namespace Portal.Web.Hosting;

internal static class PipelineExtensions
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UsePortalForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                CreateScopeForErrors = true,

                // A malformed request (a form without its antiforgery token, SEC-38) is the client's error: 400, not 500.
                StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<DatabaseBusyMiddleware>();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<ApiStatusCodePassthroughMiddleware>();
        app.UsePortalAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ForcedPasswordChangeMiddleware>();
        app.UseAntiforgery();
        app.UseMiddleware<AntiforgeryRejectionMiddleware>();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null); // our own CSP says 'none'
        app.MapAdditionalIdentityEndpoints();
        app.MapPortalConnections();
        app.MapFunctionsApi();
        app.MapAuditExport();
        return app;
    }

    /// <summary>Serves the top-level wwwroot-assets folder (copied beside the binaries) at /assets.</summary>
    private static void UsePortalAssets(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");
        if (!Directory.Exists(folder))
        {
            folder = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, "..", "..", "wwwroot-assets"));
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = "/assets",
        });
    }
}
