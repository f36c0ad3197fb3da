using System.Net.Http.Headers;
using System.Text;

namespace Portal.Scripting.Http;

/// <summary>
/// The CLI's invoker: plain HttpClient to any http(s) URL (including loopback — it runs on the author's machine),
/// with a timeout and a response-size cap. Connections exist only inside the portal.
/// </summary>
public sealed class HttpClientInvoker : IHttpInvoker, IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly int _maxResponseBytes;

    public HttpClientInvoker(TimeSpan? timeout = null, int maxResponseBytes = 5 * 1024 * 1024, HttpMessageHandler? handler = null)
    {
        _timeout = timeout ?? TimeSpan.FromSeconds(40);
        _maxResponseBytes = maxResponseBytes;
        _client = handler is null ? new HttpClient() : new HttpClient(handler);
        _client.Timeout = Timeout.InfiniteTimeSpan;
    }

    public async Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken)
    {
        if (request.ConnectionLinkName is not null)
        {
            return HttpInvocationResponse.Failed($"connection \"{request.ConnectionLinkName}\" cannot be used here: connections are only available inside the portal; remove 'connection:' and pass credentials in headers to test locally");
        }

        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return HttpInvocationResponse.Failed($"\"{request.Url}\" is not an http(s) URL; use a full address like https://api.example.com/path");
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (request.Body is not null || request.BodyBytes is not null)
        {
            message.Content = request.BodyBytes is not null ? new ByteArrayContent(request.BodyBytes) : new StringContent(request.Body!, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(request.ContentType ?? "text/plain", out var type)
                ? type
                : new MediaTypeHeaderValue("text/plain");
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (await ResponseBody.ReadAsync(response.Content, _maxResponseBytes, timeout.Token).ConfigureAwait(false) is not (var body, var bytes))
            {
                return HttpInvocationResponse.Failed($"response is larger than {_maxResponseBytes / (1024 * 1024.0):0.##} MB; ask the API for less data (paging or filters)");
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            return new HttpInvocationResponse { StatusCode = (int)response.StatusCode, Headers = headers, Body = body, BodyBytes = bytes };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HttpInvocationResponse.Failed($"request to {uri.Host} timed out after {_timeout.TotalSeconds:0.###} s; check that the service is up or try again later");
        }
        catch (HttpRequestException e)
        {
            return HttpInvocationResponse.Failed($"request to {uri.Host} failed: {e.Message}; check the URL and that the service is reachable");
        }
    }

    public void Dispose() => _client.Dispose();
}
