namespace Portal.Scripting.Http;

/// <summary>A transport failure (DNS, refused, TLS, timeout, oversize, connection problem); scripts can catch it.</summary>
public sealed class HttpInvocationException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when nothing was sent to the server, so the trace must not count it as a call.</summary>
    public bool NotSent { get; init; }

    /// <summary>The host's own (redacted) trace entry of the failed call; replaces the engine's like <see cref="HttpInvocationResponse.Trace"/>.</summary>
    public HttpTraceEntry? Trace { get; init; }
}
