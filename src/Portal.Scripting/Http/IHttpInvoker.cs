namespace Portal.Scripting.Http;

/// <summary>
/// Sends the request an invokeUrl built. A call that gets no answer returns <see cref="HttpInvocationResponse.Failed"/>
/// (transport failure, blocked URL, unusable connection) rather than throwing.
/// </summary>
public interface IHttpInvoker
{
    Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken);
}
