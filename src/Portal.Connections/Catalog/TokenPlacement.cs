namespace Portal.Connections.Catalog;

/// <summary>Where an OAuth access token goes on API requests.</summary>
public sealed record TokenPlacement
{
    public CredentialLocation Location { get; init; } = CredentialLocation.Header;

    public string HeaderName { get; init; } = "Authorization";

    /// <summary>Header value template; <c>{token}</c> is replaced, e.g. <c>Zoho-oauthtoken {token}</c>.</summary>
    public string Format { get; init; } = "Bearer {token}";

    public string? QueryParameter { get; init; }
}
