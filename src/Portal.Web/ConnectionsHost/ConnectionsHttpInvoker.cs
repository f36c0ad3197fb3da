using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Portal.Connections;
using Portal.Connections.Credentials;
using Portal.Connections.Egress;
using Portal.Scripting.Http;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.ConnectionsHost;

/// <summary>
/// invokeUrl inside the portal: SSRF-checked egress (SEC-22/23), the connection's credential for the running user
/// (SEC-10/12/13), a 40 s deadline and a 5 MB answer cap (SEC-24). Scripts never see a secret, and neither does the trace.
/// </summary>
internal sealed class ConnectionsHttpInvoker(
    IHttpClientFactory clients,
    EgressUrlPolicy urlPolicy,
    IConnectionsWording wording,
    ConnectionUseContext connectionUse,
    TimeSpan timeout,
    int maxResponseBytes) : IHttpInvoker
{
    public async Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var hops = new List<HttpCallTrace>();
        var redaction = new CredentialRedaction();
        var droppedHeaders = new List<string>();
        Uri url;
        try
        {
            url = urlPolicy.Validate(request.Url);
        }
        catch (EgressBlockedException blocked)
        {
            return Failure(blocked.Message, notSent: true);
        }

        using var message = BuildMessage(request, url, droppedHeaders);
        if (request.ConnectionLinkName is not null)
        {
            message.UseConnection(request.ConnectionLinkName, connectionUse, hops, redaction);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await clients.CreateClient(ConnectionsHttpClients.Invoke)
                .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (await ResponseBody.ReadAsync(response.Content, maxResponseBytes, deadline.Token) is not (var text, var bytes))
            {
                return Failure($"response from {url.Host} is larger than {maxResponseBytes / (1024 * 1024.0):0.##} MB; ask the API for less data (paging or filters)");
            }

            var body = redaction.Redact(text);
            bytes = bytes is null ? null : RedactBytes(redaction, bytes);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                headers[header.Key] = redaction.Redact(string.Join(", ", header.Value));
            }

            var preview = bytes is null ? body : ResponseBody.Preview(headers.GetValueOrDefault("Content-Type"), bytes.LongLength);
            var trace = Trace((int)response.StatusCode, null, [.. headers.Select(h => KeyValuePair.Create(h.Key, h.Value))], preview);
            return new HttpInvocationResponse { StatusCode = (int)response.StatusCode, Headers = headers, Body = body, BodyBytes = bytes, Trace = trace };
        }
        catch (ConnectionsException error)
        {
            // The engine says what happened; the portal's words say which page fixes it.
            return Failure(wording.Describe(error), notSent: hops.Count == 0);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure($"request to {url.Host} timed out after {timeout.TotalSeconds:0.#} s; check that the service is up or try again later");
        }
        catch (HttpRequestException error) when (EgressBlockedException.TryFind(error, out var blocked))
        {
            return Failure(blocked.Message, notSent: hops.Count == 0);
        }
        catch (HttpRequestException error)
        {
            return Failure($"request to {url.Host} failed: {error.Message}; check the URL and that the service is reachable");
        }

        // The one place this call's trace is built and redacted (SEC-20, SEC-35): the injected header keeps its own name,
        // the credential note is a field of its own, and every secret form the handler learnt is masked.
        HttpTraceEntry Trace(int status, string? error, IReadOnlyList<KeyValuePair<string, string>>? responseHeaders = null, string? responseBody = null)
        {
            var notes = Notes(hops.Count, droppedHeaders);
            var entry = HttpTraceRedactor.Redact(new HttpTraceEntry
            {
                Method = request.Method,
                Url = redaction.Redact(hops.LastOrDefault()?.Url ?? request.Url),
                StatusCode = status,
                Duration = Stopwatch.GetElapsedTime(started),
                RequestHeaders = [.. RequestHeadersForTrace(request).Select(h => KeyValuePair.Create(h.Key, redaction.Redact(h.Value)))],
                RequestBodyPreview = redaction.Redact(HttpTraceEntry.Preview(request.Body) ?? request.BodyPreview),
                ResponseHeaders = responseHeaders ?? [],
                ResponseBodyPreview = HttpTraceEntry.Preview(responseBody),
                ConnectionLinkName = request.ConnectionLinkName,
                Error = redaction.Redact(error is null ? notes : notes is null ? error : $"{error}; {notes}"),
            });
            if (!redaction.CredentialSent)
            {
                return entry;
            }

            var where = redaction.SentElsewhere.Count == 0 ? "" : $", sent as {string.Join(" and ", redaction.SentElsewhere)}";
            return entry with
            {
                RequestHeaders = [.. entry.RequestHeaders.Where(h => !redaction.SentHeaders.Any(s => string.Equals(s.Key, h.Key, StringComparison.OrdinalIgnoreCase))), .. redaction.SentHeaders],
                Credential = $"credential of connection \"{request.ConnectionLinkName}\"{where}",
            };
        }

        // No answer, as a value: the script sees the message as an error it can catch, the trace this (redacted) entry.
        HttpInvocationResponse Failure(string text, bool notSent = false)
        {
            var shown = redaction.Redact(text)!;
            return HttpInvocationResponse.Failed(shown, notSent, Trace(0, shown) with { NotSent = notSent });
        }
    }

    // A file answer is masked like text (SEC-35): Latin-1 maps every byte to one char and back, so only a secret's bytes change.
    private static byte[] RedactBytes(CredentialRedaction redaction, byte[] bytes)
    {
        var latin = Encoding.Latin1.GetString(bytes);
        var redacted = redaction.Redact(latin);
        return string.Equals(latin, redacted, StringComparison.Ordinal) ? bytes : Encoding.Latin1.GetBytes(redacted!);
    }

    private static HttpRequestMessage BuildMessage(HttpInvocationRequest request, Uri url, List<string> droppedHeaders)
    {
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
}
