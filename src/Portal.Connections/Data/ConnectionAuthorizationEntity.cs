namespace Portal.Connections.Data;

/// <summary>One user's credentials for one connection (SEC-10: keyed by connection and user).</summary>
public sealed class ConnectionAuthorizationEntity
{
    public Guid Id { get; set; }

    public Guid ConnectionId { get; set; }

    public string UserId { get; set; } = "";

    public AuthorizationStatus Status { get; set; }

    public string? AccessTokenCiphertext { get; set; }

    public string? RefreshTokenCiphertext { get; set; }

    /// <summary>API key parameters (JSON) or Basic password, encrypted.</summary>
    public string? SecretCiphertext { get; set; }

    /// <summary>Basic user name or API key owner label; not secret.</summary>
    public string? UserName { get; set; }

    /// <summary>Scopes the provider actually granted (SEC-7), as a JSON array.</summary>
    public string GrantedScopesJson { get; set; } = "[]";

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? AuthorizedAt { get; set; }

    public DateTimeOffset? LastRefreshedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public string? LastError { get; set; }

    public string? ProviderAccount { get; set; }

    /// <summary>The API origin the provider named in its token response (Zoho's <c>api_domain</c>); kept until a new one arrives.</summary>
    public string? ApiDomain { get; set; }

    public int RefreshFailureCount { get; set; }

    public DateTimeOffset? NextRefreshAttemptAt { get; set; }

    /// <summary>Cross-instance refresh lease (SEC-15); a crashed holder's lease simply expires.</summary>
    public Guid? RefreshLeaseId { get; set; }

    public DateTimeOffset? RefreshLeaseExpiresAt { get; set; }

    public Guid ConcurrencyToken { get; set; }
}
