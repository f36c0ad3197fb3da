namespace Portal.Scripting.Http;

/// <summary>The answer; Trace, when set by the host, replaces the engine's own trace entry (it knows redactions and redirects).</summary>
public sealed record HttpInvocationResponse
{
    public required int StatusCode { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string Body { get; init; } = string.Empty;

    /// <summary>The bytes of an answer that is a file (<see cref="ResponseBody.IsFile(string?, string?)"/>); <see cref="Body"/> is then empty.</summary>
    public byte[]? BodyBytes { get; init; }

    public HttpTraceEntry? Trace { get; init; }
}
