namespace Portal.Web.Integrations;

/// <summary>How an answer becomes the task's value.</summary>
internal sealed record IntegrationResponseRule
{
    /// <summary>Path into the JSON answer, e.g. "data", "data[0]", "data[0].details"; empty means the whole answer.</summary>
    public string Extract { get; init; } = "";

    /// <summary>Path of a per-record result that may carry an error (Zoho's data[0] with status "error").</summary>
    public string? ItemError { get; init; }

    /// <summary>LIST, MAP or TEXT (""): what 204 No Content (or a missing path) returns.</summary>
    public string Empty { get; init; } = "MAP";
}
