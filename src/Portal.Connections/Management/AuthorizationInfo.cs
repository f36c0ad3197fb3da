using Portal.Connections.Data;

namespace Portal.Connections.Management;

/// <summary>One user's authorization of a connection, without secrets.</summary>
public sealed record AuthorizationInfo(
    string UserId,
    AuthorizationStatus Status,
    IReadOnlyList<string> GrantedScopes,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? AuthorizedAt,
    DateTimeOffset? LastRefreshedAt,
    DateTimeOffset? LastUsedAt,
    string? LastError,
    string? ProviderAccount,
    string? ApiDomain = null);
