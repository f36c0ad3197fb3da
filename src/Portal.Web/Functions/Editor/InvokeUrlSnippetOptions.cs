namespace Portal.Web.Functions.Editor;

/// <summary>Everything the Insert invokeUrl dialog (and the connection details page) lets a user choose.</summary>
public sealed record InvokeUrlSnippetOptions
{
    public string? ConnectionLinkName { get; init; }

    public string Method { get; init; } = "GET";

    public string Url { get; init; } = "https://";

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; } = [];

    public InvokeUrlBodyType BodyType { get; init; } = InvokeUrlBodyType.Form;

    public string? RawBody { get; init; }

    /// <summary>Content type for a raw body; JSON bodies always use application/json.</summary>
    public string? RawContentType { get; init; }

    public bool Detailed { get; init; }

    public string ResponseVariable { get; init; } = "response";
}
