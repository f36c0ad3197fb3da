namespace Portal.Connections.OAuth;

/// <summary>Authorizes connections: the OAuth 2.0 authorization-code flow (start, callback) and direct API-key, Basic and client-credentials authorization.</summary>
public interface IConnectionAuthorizer
{
    /// <summary>Creates server-side flow state and returns the provider URL to send the browser to. <paramref name="redirectUri"/> must be the exact registered callback.</summary>
    /// <exception cref="ConnectionsException">The connection is missing, the user may not authorize it, or its service is not an authorization-code service or is misconfigured.</exception>
    Task<OAuthStartResult> StartAsync(string linkName, string userId, string redirectUri, string? existingBrowserBinding = null, CancellationToken ct = default);

    /// <summary>Validates the provider's callback (SEC-2…6) and stores the tokens. Never throws for protocol problems: they come back as a failed <see cref="OAuthCompletion"/>.</summary>
    Task<OAuthCompletion> CompleteAsync(OAuthCallback callback, string? userId, string? browserBinding, CancellationToken ct = default);

    /// <summary>Authorizes a client-credentials connection by fetching a token now.</summary>
    /// <exception cref="ConnectionsException">The connection is missing, the user may not authorize it, or the provider refused the token request.</exception>
    Task AuthorizeWithClientCredentialsAsync(string linkName, string userId, CancellationToken ct = default);

    /// <summary>Authorizes an API-key connection by storing every declared parameter's value (encrypted).</summary>
    /// <exception cref="ConnectionsException">The connection is missing, the user may not authorize it, or a declared value is missing.</exception>
    Task AuthorizeWithApiKeyAsync(string linkName, string userId, IReadOnlyDictionary<string, string> values, CancellationToken ct = default);

    /// <summary>Authorizes a Basic-auth connection by storing the password (encrypted).</summary>
    /// <exception cref="ConnectionsException">The connection is missing, the user may not authorize it, or the user name or password is unusable.</exception>
    Task AuthorizeWithBasicAsync(string linkName, string userId, string userName, string password, CancellationToken ct = default);
}
