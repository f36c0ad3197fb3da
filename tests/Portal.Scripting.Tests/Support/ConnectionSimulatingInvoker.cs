using Portal.Scripting.Http;

namespace Portal.Scripting.Tests.Support;

/// <summary>Stands in for the portal's invoker: resolves connection "mine" to a bearer header, then sends with HttpClient.</summary>
internal sealed class ConnectionSimulatingInvoker(IHttpInvoker inner) : IHttpInvoker
{
    public Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken)
    {
        if (request.ConnectionLinkName is null)
        {
            return inner.InvokeAsync(request, cancellationToken);
        }

        if (request.ConnectionLinkName != "mine")
        {
            return Task.FromResult(HttpInvocationResponse.Failed($"connection \"{request.ConnectionLinkName}\" does not exist"));
        }

        return inner.InvokeAsync(request with { ConnectionLinkName = null, Headers = [.. request.Headers, new("Authorization", "Bearer test-token")] }, cancellationToken);
    }
}
