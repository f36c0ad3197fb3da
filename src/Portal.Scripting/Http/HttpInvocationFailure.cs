namespace Portal.Scripting.Http;

/// <summary>
/// Why an invokeUrl call got no answer — a transport failure (DNS, refused, TLS, timeout, oversize), a URL the host's
/// egress policy blocks, or a connection that cannot be used — in the host's words. Returned as a value in
/// <see cref="HttpInvocationResponse.Failure"/>; the script sees it as an error it can catch.
/// </summary>
public sealed record HttpInvocationFailure(string Message)
{
    /// <summary>True when nothing was sent to the server, so the trace must not count it as a call.</summary>
    public bool NotSent { get; init; }
}
