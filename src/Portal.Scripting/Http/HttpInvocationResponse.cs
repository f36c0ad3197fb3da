namespace Portal.Scripting.Http;

/// <summary>
/// The answer, or why there is none (<see cref="Failure"/>). Trace, when set by the host, replaces the engine's own trace
/// entry (it knows redactions and redirects).
/// </summary>
public sealed record HttpInvocationResponse
{
    /// <summary>Set when no answer arrived; <see cref="StatusCode"/> is then 0.</summary>
    public HttpInvocationFailure? Failure { get; init; }

    /// <summary>No answer, and why: the host's words; <paramref name="trace"/> is its (redacted) entry for the attempt.</summary>
    public static HttpInvocationResponse Failed(string message, bool notSent = false, HttpTraceEntry? trace = null) =>
        new() { StatusCode = 0, Failure = new HttpInvocationFailure(message) { NotSent = notSent }, Trace = trace };

    public required int StatusCode { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string Body { get; init; } = string.Empty;

    /// <summary>The bytes of an answer that is a file (<see cref="ResponseBody.IsFile(string?, string?)"/>); <see cref="Body"/> is then empty.</summary>
    public byte[]? BodyBytes { get; init; }

    public HttpTraceEntry? Trace { get; init; }
}
