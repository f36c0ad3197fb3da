using Portal.Connections.Data;

namespace Portal.Web.ConnectionsUi;

/// <summary>One user's authorization as shown on the details page; <see cref="DeclinedScopes"/> were requested but not granted.</summary>
public sealed record AuthorizationView(
    string UserId,
    string UserName,
    bool IsViewer,
    AuthorizationStatus Status,
    string? ProviderAccount,
    IReadOnlyList<string> GrantedScopes,
    IReadOnlyList<string> DeclinedScopes,
    DateTimeOffset? AuthorizedAt,
    DateTimeOffset? LastRefreshedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    string? LastError);
