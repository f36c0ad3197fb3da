namespace Portal.Scripting.Http;

/// <summary>A fully built request: URL with query, headers, encoded body and content type.</summary>
public sealed record HttpInvocationRequest
{
    public required string Method { get; init; }

    public required string Url { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body as text; null when there is none or when <see cref="BodyBytes"/> is used.</summary>
    public string? Body { get; init; }

    public byte[]? BodyBytes { get; init; }

    /// <summary>What the trace shows for a <see cref="BodyBytes"/> body (multipart parts, file names and sizes), never the bytes.</summary>
    public string? BodyPreview { get; init; }

    public string? ContentType { get; init; }

    public string? ConnectionLinkName { get; init; }

    public bool Detailed { get; init; }
}
