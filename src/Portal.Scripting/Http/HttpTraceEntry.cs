namespace Portal.Scripting.Http;

/// <summary>One HTTP call as recorded in a run's trace; credentials are already redacted by whoever built it.</summary>
public sealed record HttpTraceEntry
{
    public const int MaxBodyPreview = 64 * 1024;

    public required string Method { get; init; }

    public required string Url { get; init; }

    /// <summary>HTTP status, or 0 when the call failed before an answer arrived.</summary>
    public int StatusCode { get; init; }

    public TimeSpan Duration { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    public string? RequestBodyPreview { get; init; }

    public string? ResponseBodyPreview { get; init; }

    public string? ConnectionLinkName { get; init; }

    /// <summary>How the connection's credential went with the call, e.g. <c>credential of connection "x"</c>; never the value.</summary>
    public string? Credential { get; init; }

    /// <summary>Set by whoever redacted this entry, so it is redacted exactly once (SEC-35).</summary>
    public bool Redacted { get; init; }

    /// <summary>Who the call ran as (e.g. "admin" for integration tasks); null for ordinary calls.</summary>
    public string? RanAs { get; init; }

    public string? Error { get; init; }

    /// <summary>True when the request was stopped before it left the portal (unknown connection, not authorized, blocked URL).</summary>
    public bool NotSent { get; init; }

    public static string? Preview(string? body) => body is null || body.Length <= MaxBodyPreview ? body : body[..MaxBodyPreview];
}
