using Portal.Connections.Data;

namespace Portal.Connections.Management;

/// <summary>A connection as listed; <see cref="Status"/> is the viewer's effective status (owner's in owner mode).</summary>
public sealed record ConnectionSummary(
    string LinkName,
    string Name,
    string ServiceId,
    string ServiceName,
    string? ServiceLogo,
    ConnectionMode Mode,
    string OwnerUserId,
    AuthorizationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt);
