using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Connections.Catalog;

namespace Portal.Connections.Credentials;

/// <summary>
/// Injects a connection's credential (SEC-12), follows redirects itself re-validating every hop and stripping credentials
/// once the origin changes (SEC-13), and after a 401 refreshes once and retries once (SEC-14).
/// </summary>
internal sealed class CredentialInjectingHandler(
    CredentialResolver resolver, IOptions<ConnectionsOptions> options, TimeProvider time, ILogger<CredentialInjectingHandler> logger) : DelegatingHandler
{
    private static readonly string[] AlwaysStrippedOnOriginChange = ["Authorization", "Proxy-Authorization", "Cookie"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.RequestUri ?? throw new InvalidOperationException("The request has no URL.");
        request.Options.TryGetValue(ConnectionRequestOptions.Trace, out var trace);
        request.Options.TryGetValue(ConnectionRequestOptions.Redaction, out var redaction);
        ResolvedCredential? credential = null;
        ConnectionUseContext? useContext = null;
        if (request.Options.TryGetValue(ConnectionRequestOptions.Connection, out var link))
        {
            if (!request.Options.TryGetValue(ConnectionRequestOptions.UseContext, out useContext))
            {
                throw new InvalidOperationException("A connection request needs the running user and code; call UseConnection(link, context).");
            }

            // Throws before anything is sent when the connection may not be used here (SEC-33), the URL is not allowed
            // or the user has no authorization (SEC-10, SEC-12).
            credential = await resolver.ResolveAsync(link, useContext, url, cancellationToken);
            redaction?.Add(credential);
        }

        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentHeaders = request.Content?.Headers.ToList();
        var method = request.Method;
        var current = url;
        var originChanged = false;
        var retried = false;
        var hops = 0;
        while (true)
        {
            var hop = new HttpRequestMessage(method, current) { Version = request.Version, VersionPolicy = request.VersionPolicy };
            foreach (var header in request.Headers)
            {
                hop.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (body is not null)
            {
                hop.Content = new ByteArrayContent(body);
                foreach (var header in contentHeaders!)
                {
                    hop.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            var inject = credential is not null && !originChanged && credential.IsAllowed(current);
            if (originChanged)
            {
                Strip(hop, credential);
            }

            if (inject)
            {
                credential!.ApplyTo(hop);
                redaction?.MarkSent(credential);
            }

            var started = time.GetTimestamp();
            var response = await base.SendAsync(hop, cancellationToken);
            var shownUrl = credential?.Redact(hop.RequestUri!.ToString()) ?? hop.RequestUri!.ToString();
            trace?.Add(new HttpCallTrace(method.Method, shownUrl, (int)response.StatusCode, inject, hops > 0 ? $"redirect hop {hops}" : null, time.GetElapsedTime(started)));
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Connection {Connection}: {Method} {Url} -> {Status} (credential sent: {Sent})", link, method, shownUrl, (int)response.StatusCode, inject);
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && inject && !retried && credential!.CanRefresh)
            {
                retried = true;
                var refreshed = await resolver.RefreshAfterUnauthorizedAsync(credential, useContext!, current, cancellationToken);
                if (refreshed is not null)
                {
                    response.Dispose();
                    hop.Dispose();
                    credential = refreshed;
                    redaction?.Add(refreshed);
                    continue;
                }
            }

            if (!IsRedirect(response.StatusCode) || response.Headers.Location is null)
            {
                return response;
            }

            var next = new Uri(current, response.Headers.Location);
            response.Dispose();
            hop.Dispose();
            if (++hops > options.Value.MaxRedirects)
            {
                throw new HttpRequestException($"Stopped after {options.Value.MaxRedirects} redirects starting at {Show(credential, url)}; the server is redirecting in a loop or too often.");
            }

            if (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp)
            {
                throw new HttpRequestException($"Refused to follow a redirect to a '{next.Scheme}:' URL; only http and https are allowed.");
            }

            if (current.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
            {
                throw new HttpRequestException($"Refused to follow a redirect from https to plain http ({UrlRules.Origin(next)}); ask the API owner for an https URL.");
            }

            originChanged |= UrlRules.Origin(next) != UrlRules.Origin(current);
            if (response.StatusCode == HttpStatusCode.SeeOther ||
                (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found && method == HttpMethod.Post))
            {
                method = HttpMethod.Get;
                body = null;
            }

            current = next;
        }
    }

    private static void Strip(HttpRequestMessage hop, ResolvedCredential? credential)
    {
        foreach (var name in AlwaysStrippedOnOriginChange.Concat(credential?.Parts.Where(p => p.Location == CredentialLocation.Header).Select(p => p.Name) ?? []))
        {
            hop.Headers.Remove(name);
        }
    }

    private static string Show(ResolvedCredential? credential, Uri url) => credential?.Redact(url.ToString()) ?? url.ToString();

    private static bool IsRedirect(HttpStatusCode code) => code is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
