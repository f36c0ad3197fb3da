namespace Portal.Web.Audit;

/// <summary>One security-relevant event (SEC-32). Never holds a secret.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string? ActorUserId { get; set; }

    public string? ActorEmail { get; set; }

    public required string Action { get; set; }

    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    public string? Details { get; set; }
}
