namespace Portal.Connections.Security;

/// <summary>A security event (SEC-32). Never carries secrets.</summary>
public sealed record ConnectionsAuditEvent(
    string Type,
    string? ActorUserId,
    DateTimeOffset At,
    string? ConnectionLinkName = null,
    string? ServiceId = null,
    string? Detail = null);
