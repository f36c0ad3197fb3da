using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Audit;

/// <summary>Appends audit events in their own short-lived context so a caller's failed save never loses them.</summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public async Task RecordAsync(AuditActor actor, string action, string? targetType = null, string? targetId = null, string? details = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEvents.Add(Entry(actor, action, targetType, targetId, details));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The event as <see cref="RecordAsync"/> would store it, for a caller that stores it with other rows.</summary>
    public AuditEvent Entry(AuditActor actor, string action, string? targetType = null, string? targetId = null, string? details = null) => new()
    {
        At = time.GetUtcNow(),
        ActorUserId = actor.UserId,
        ActorEmail = actor.Email,
        Action = action,
        TargetType = targetType,
        TargetId = targetId,
        Details = details,
    };
}
