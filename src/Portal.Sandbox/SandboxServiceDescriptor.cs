namespace Portal.Sandbox;

/// <summary>How the portal should present and call one sandbox service; URL paths are relative to the sandbox base URL.</summary>
public sealed record SandboxServiceDescriptor(
    string LinkName,
    string DisplayName,
    string Description,
    string Category,
    string AuthType,
    IReadOnlyList<SandboxScopeDescriptor> Scopes,
    IReadOnlyList<string> ApiBasePaths,
    string SampleMethod,
    string SamplePath,
    string LogoSvg)
{
    public string? AuthorizePath { get; init; }

    public string? TokenPath { get; init; }

    public string? RevokePath { get; init; }

    /// <summary>Scope delimiter in authorize requests.</summary>
    public string ScopeDelimiter { get; init; } = " ";

    /// <summary>Authorization header value template for OAuth access tokens; <c>{token}</c> is replaced (Sandbox CRM: <c>Zoho-oauthtoken {token}</c>).</summary>
    public string TokenHeaderFormat { get; init; } = "Bearer {token}";

    public string? ApiKeyParameterName { get; init; }

    /// <summary><c>header</c>, <c>query</c> or <c>form</c>; only for <see cref="SandboxCatalog.ApiKey"/> services.</summary>
    public string? ApiKeyPlacement { get; init; }

    public string LogoDataUri => "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(LogoSvg));
}
