using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Audit;

/// <summary>Appends audit events in their own short-lived context so a caller's failed save never loses them.</summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public async Task RecordAsync(AuditActor actor, string action, string? targetType = null, string? targetId = null, string? details = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AuditEvents.Add(new AuditEvent
        {
            At = time.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorEmail = actor.Email,
            Action = action,
            TargetType = targetType,
            TargetId = targetId,
            Details = details,
        });
        await db.SaveChangesAsync(ct);
    }
}
