using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Security;

namespace Portal.Connections.OAuth;

/// <summary>The self-contained page the consent popup lands on (SEC-9): no external resources, no caching, no referrer, code dropped from the URL.</summary>
internal static class CallbackPage
{
    public static async Task WriteAsync(HttpContext context, OAuthCompletion completion, int statusCode = 200)
    {
        var nonce = Hashing.RandomToken(16);
        var link = completion.LinkName;
        var wording = context.RequestServices.GetRequiredService<IConnectionsWording>();
        var back = context.Request.PathBase + (wording.ConnectionPage(link) ?? wording.ConnectionPage(null) ?? "/");
        var message = wording.Describe(completion.Message, completion.Problem);
        var data = JsonSerializer.Serialize(new
        {
            type = "portal-oauth",
            connection = link,
            status = completion.Succeeded ? "connected" : "error",
            message,
            next = back + (completion.Succeeded ? "?authorized=1" : ""),
        });
        var title = completion.Succeeded ? "Connected" : "Connection not authorized";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>{{HtmlEncoder.Default.Encode(title)}}</title>
            <style nonce="{{nonce}}">body{font-family:system-ui,sans-serif;margin:2rem;color:#222}p{max-width:40rem}</style></head>
            <body><h1>{{HtmlEncoder.Default.Encode(title)}}</h1><p>{{HtmlEncoder.Default.Encode(message)}}</p>
            <p><a href="{{HtmlEncoder.Default.Encode(back)}}">Back to the connection</a></p>
            <script nonce="{{nonce}}">
            (function () {
              var d = {{data}};
              history.replaceState(null, '', location.pathname);
              if (window.opener && !window.opener.closed) {
                window.opener.postMessage({ type: d.type, connection: d.connection, status: d.status, message: d.message }, location.origin);
                window.close();
              } else if (d.status === 'connected') {
                location.replace(d.next);
              }
            })();
            </script></body></html>
            """;
        var h = context.Response.Headers;
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        h.CacheControl = "no-store";
        h.Pragma = "no-cache";
        h["Referrer-Policy"] = "no-referrer";
        h.XContentTypeOptions = "nosniff";
        h.ContentSecurityPolicy = $"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }
}
