using System.Net;
using System.Net.Mime;
using Portal.Web.Data;
using Portal.Web.Functions.Api;

namespace Portal.Web.Hosting;

/// <summary>
/// A request that found the database locked for longer than its wait answers 503 with Retry-After and a message that
/// says what happened — JSON for the API, a short page for browsers — instead of a 500.
/// </summary>
internal sealed class DatabaseBusyMiddleware(RequestDelegate next, ILogger<DatabaseBusyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseBusy.Is(e) && !context.Response.HasStarted)
        {
            logger.LogWarning("{Method} {Path} found the database busy; answered 503.", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await ExecuteResponses.Error(StatusCodes.Status503ServiceUnavailable, DatabaseBusy.Message).ExecuteAsync(context);
                return;
            }

            // A form's input survives the browser's Back button, not a fresh GET of the page.
            var next = HttpMethods.IsGet(context.Request.Method)
                ? $"""<a href="{WebUtility.HtmlEncode(context.Request.PathBase + context.Request.Path + context.Request.QueryString)}">Try again</a>"""
                : "Go back with your browser's Back button and submit again: what you entered is still in the form.";
            context.Response.ContentType = MediaTypeNames.Text.Html + "; charset=utf-8";
            await context.Response.WriteAsync(
                $"""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Portal is busy</title></head>
                <body style="font-family:system-ui,sans-serif;background:#f5f7fb;color:#1b2a3a">
                <main style="max-width:36rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.08)">
                <h1 style="margin-top:0">Portal is busy</h1><p>{DatabaseBusy.Message}</p><p>{next}</p>
                </main></body></html>
                """);
        }
    }
}
