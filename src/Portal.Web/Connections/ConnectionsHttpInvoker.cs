using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Portal.Connections;
using Portal.Connections.Credentials;
using Portal.Connections.Egress;
using Portal.Scripting.Http;
using Portal.Web.Functions;

namespace Portal.Web.Connections;

/// <summary>
/// invokeUrl inside the portal: SSRF-checked egress (SEC-22/23), the connection's credential for the running user
/// (SEC-10/12/13), a 40 s deadline and a 5 MB answer cap (SEC-24). Scripts never see a secret, and neither does the trace.
/// </summary>
internal sealed class ConnectionsHttpInvoker(
    IHttpClientFactory clients,
    EgressUrlPolicy urlPolicy,
    ConnectionUseContext connectionUse,
    TimeSpan timeout,
    int maxResponseBytes) : IHttpInvoker
{
    public async Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken)
    {
        Uri url;
        try
        {
            url = urlPolicy.Validate(request.Url);
        }
        catch (EgressBlockedException blocked)
        {
            throw new HttpInvocationException(blocked.Message, blocked) { NotSent = true };
        }

        using var message = BuildMessage(request, url, out var droppedHeaders);
        var hops = new List<HttpCallTrace>();
        if (request.ConnectionLinkName is not null)
        {
            message.UseConnection(request.ConnectionLinkName, connectionUse, hops);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ConnectionsHttpClients.Invoke)
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await CappedResponseReader.ReadAsync(response.Content, maxResponseBytes, () => TooLarge(url), deadline.Token);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            var last = hops.LastOrDefault();
            var trace = HttpTraceRedactor.Redact(new HttpTraceEntry
            {
                Method = request.Method,
                Url = last?.Url ?? url.AbsoluteUri,
                StatusCode = (int)response.StatusCode,
                Duration = Stopwatch.GetElapsedTime(started),
                RequestHeaders = RequestHeadersForTrace(request),
                ResponseHeaders = [.. headers.Select(h => KeyValuePair.Create(h.Key, h.Value))],
                RequestBodyPreview = HttpTraceEntry.Preview(request.Body),
                ResponseBodyPreview = HttpTraceEntry.Preview(body),
                ConnectionLinkName = request.ConnectionLinkName,
                Error = Notes(hops.Count, droppedHeaders),
            });
            if (hops.Any(h => h.CredentialSent))
            {
                // Added after redaction so the note survives; the value itself is never known here.
                trace = trace with { RequestHeaders = [.. trace.RequestHeaders, KeyValuePair.Create("Authorization", $"{HttpTraceRedactor.Mask} (credential of connection \"{request.ConnectionLinkName}\")")] };
            }

            return new HttpInvocationResponse { StatusCode = (int)response.StatusCode, Headers = headers, Body = body, Trace = trace };
        }
        catch (ConnectionsException error)
        {
            // The engine's message already names the connection and the page that fixes it.
            throw new HttpInvocationException(error.Message, error) { NotSent = hops.Count == 0 };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpInvocationException($"request to {url.Host} timed out after {timeout.TotalSeconds:0.#} s; check that the service is up or try again later");
        }
        catch (HttpRequestException error) when (EgressBlockedException.TryFind(error, out var blocked))
        {
            throw new HttpInvocationException(blocked.Message, error) { NotSent = hops.Count == 0 };
        }
        catch (HttpRequestException error)
        {
            throw new HttpInvocationException($"request to {url.Host} failed: {error.Message}; check the URL and that the service is reachable", error);
        }
    }

    private static HttpRequestMessage BuildMessage(HttpInvocationRequest request, Uri url, out List<string> droppedHeaders)
    {
        droppedHeaders = [];
        var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
        if (request.Body is not null || request.BodyBytes is not null)
        {
            message.Content = request.BodyBytes is not null ? new ByteArrayContent(request.BodyBytes) : new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body!));
            message.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(request.ContentType ?? "text/plain; charset=utf-8", out var type)
                ? type
                : new MediaTypeHeaderValue("text/plain");
        }

        foreach (var (name, value) in request.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content?.Headers.TryAddWithoutValidation(name, value) != true)
            {
                droppedHeaders.Add(name);
            }
        }

        return message;
    }

    // HTTP header names cannot contain spaces or separators; such headers are skipped (as Deluge does) but said so in the trace.
    private static string? Notes(int hops, List<string> droppedHeaders)
    {
        var notes = new List<string>();
        if (hops > 1)
        {
            notes.Add($"followed {hops - 1} redirect(s)");
        }

        if (droppedHeaders.Count > 0)
        {
            notes.Add($"not sent: {string.Join(", ", droppedHeaders.Select(h => $"header \"{h}\""))} (header names cannot contain spaces or punctuation such as : \" ( ))");
        }

        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    private static List<KeyValuePair<string, string>> RequestHeadersForTrace(HttpInvocationRequest request)
    {
        var headers = request.Headers.ToList();
        if (request.ContentType is not null)
        {
            headers.Add(KeyValuePair.Create("Content-Type", request.ContentType));
        }

        return headers;
    }

    private HttpInvocationException TooLarge(Uri url) =>
        new($"response from {url.Host} is larger than {maxResponseBytes / (1024 * 1024.0):0.##} MB; ask the API for less data (paging or filters)");
}
