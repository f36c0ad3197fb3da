using Portal.Connections.Data;

namespace Portal.Web.ConnectionsUi;

/// <summary>One line of the connections table, with names resolved for display.</summary>
public sealed record ConnectionRow(
    string LinkName,
    string Name,
    string ServiceId,
    string ServiceName,
    string? ServiceLogo,
    AuthorizationStatus Status,
    IReadOnlyList<string> Scopes,
    string OwnerUserId,
    string OwnerName,
    ConnectionMode Mode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt);
