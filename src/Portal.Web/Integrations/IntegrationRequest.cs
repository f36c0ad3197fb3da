namespace Portal.Web.Integrations;

/// <summary>The HTTP request a task call maps to, relative to the pack's base URL.</summary>
internal sealed record IntegrationRequest(string Method, string RelativeUrl, string? JsonBody);
