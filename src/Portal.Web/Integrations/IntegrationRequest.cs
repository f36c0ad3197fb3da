namespace Portal.Web.Integrations;

/// <summary>The HTTP request a task call maps to, relative to the pack's base URL.</summary>
internal sealed record IntegrationRequest(string Method, string RelativeUrl, string? JsonBody)
{
    /// <summary>A multipart body (<see cref="IntegrationTask.Multipart"/>), with its content type and trace preview.</summary>
    public byte[]? MultipartBody { get; init; }

    public string? MultipartContentType { get; init; }

    public string? MultipartPreview { get; init; }
}
