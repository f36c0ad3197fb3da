using Microsoft.AspNetCore.Diagnostics;

namespace Portal.Web.Hosting;

/// <summary>
/// API clients get the API's own status codes (401, 404, …); the "not found" page re-execution is for browsers only,
/// and re-running a POST or DELETE against it would turn a 401 into a 400 or a login redirect.
/// </summary>
internal sealed class ApiStatusCodePassthroughMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        return next(context);
    }
}
