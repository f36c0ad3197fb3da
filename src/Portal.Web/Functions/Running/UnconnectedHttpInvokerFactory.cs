using System.Security.Claims;
using Portal.Scripting.Http;

namespace Portal.Web.Functions.Running;

/// <summary>Plain HTTP for runs (40 s, 5 MB) until the connections engine supplies a connection-aware invoker.</summary>
public sealed class UnconnectedHttpInvokerFactory : IFunctionHttpInvokerFactory, IDisposable
{
    private readonly HttpClientInvoker inner = new(TimeSpan.FromSeconds(40), 5 * 1024 * 1024);

    public IHttpInvoker CreateFor(ClaimsPrincipal user, Portal.Connections.Credentials.ConnectionUseContext connectionUse) => new Invoker(inner);

    public void Dispose() => inner.Dispose();

    private sealed class Invoker(HttpClientInvoker inner) : IHttpInvoker
    {
        public Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken)
        {
            if (request.ConnectionLinkName is { } link)
            {
                throw new HttpInvocationException(
                    $"Connections are not available yet, so connection \"{link}\" cannot be used; remove 'connection:' and pass credentials in headers, or ask an admin to enable connections");
            }

            return inner.InvokeAsync(request, cancellationToken);
        }
    }
}
