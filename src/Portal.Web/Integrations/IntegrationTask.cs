namespace Portal.Web.Integrations;

/// <summary>One task: a call signature mapped to an HTTP request and a response extraction.</summary>
internal sealed record IntegrationTask
{
    public required string Name { get; init; }

    public string Doc { get; init; } = "";

    /// <summary>Deluge type of a successful answer (LIST, MAP or TEXT); errors are always maps.</summary>
    public string Returns { get; init; } = "MAP";

    public IReadOnlyList<IntegrationParameter> Parameters { get; init; } = [];

    public string Method { get; init; } = "GET";

    /// <summary>Relative to the pack's base URL; {name} is replaced by the URL-escaped argument.</summary>
    public string Path { get; init; } = "";

    /// <summary>Query parameter → template ("{page}"); parameters whose argument is null are left out.</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>A MAP parameter whose entries are added to the query.</summary>
    public string? QueryMap { get; init; }

    /// <summary>JSON body template; a string "{name}" is replaced by the argument's JSON value.</summary>
    public System.Text.Json.Nodes.JsonObject? Body { get; init; }

    /// <summary>A MAP parameter whose entries are merged into the body's top level (Zoho's options_map).</summary>
    public string? BodyMap { get; init; }

    /// <summary>A multipart/form-data body instead of JSON: form field → "{param}"; a FILE argument is sent as a file part, others as text.</summary>
    public IReadOnlyDictionary<string, string>? Multipart { get; init; }

    public IntegrationResponseRule Response { get; init; } = new();

    public string Signature => $"{Name}({string.Join(", ", Parameters.Select(p => p.Optional ? p.Name + "?" : p.Name))})";
}
