using System.Collections.Concurrent;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>Primary handler standing in for the network: records what each host received and answers from a script.</summary>
internal sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Received.Enqueue(new ReceivedRequest(request.Method.Method, request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body));
        var response = respond(request);
        response.RequestMessage = request;
        return response;
    }
}
