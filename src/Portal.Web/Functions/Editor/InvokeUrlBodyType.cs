namespace Portal.Web.Functions.Editor;

public enum InvokeUrlBodyType
{
    /// <summary>Parameters as a map: form-encoded body (POST/PUT/PATCH) or query string (GET/DELETE).</summary>
    Form,

    /// <summary>Parameters as a JSON object body.</summary>
    Json,

    /// <summary>Text sent as-is via body:.</summary>
    Raw,
}
