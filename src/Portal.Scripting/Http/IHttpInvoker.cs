namespace Portal.Scripting.Http;

/// <summary>Sends the request an invokeUrl built. Throw <see cref="HttpInvocationException"/> for transport failures.</summary>
public interface IHttpInvoker
{
    Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken);
}
