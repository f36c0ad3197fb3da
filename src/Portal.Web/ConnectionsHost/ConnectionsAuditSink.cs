using Microsoft.EntityFrameworkCore;
using Portal.Connections.Security;
using Portal.Web.Audit;
using Portal.Web.Data;

namespace Portal.Web.ConnectionsHost;

/// <summary>Writes the engine's security events into the portal audit log (SEC-32).</summary>
internal sealed class ConnectionsAuditSink(IDbContextFactory<PortalDbContext> dbFactory, ServiceTestConnections tests) : IConnectionsAuditSink
{
    public async Task WriteAsync(ConnectionsAuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        // A service test leaves one "service tested" entry, not the create/authorize/delete of its throw-away connection.
        if (tests.Contains(auditEvent.ConnectionLinkName))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var email = auditEvent.ActorUserId is null
            ? null
            : await db.Users.Where(u => u.Id == auditEvent.ActorUserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        var (targetType, targetId) = auditEvent.ConnectionLinkName is not null
            ? ("connection", auditEvent.ConnectionLinkName)
            : ("service", auditEvent.ServiceId);
        db.AuditEvents.Add(new AuditEvent
        {
            At = auditEvent.At,
            ActorUserId = auditEvent.ActorUserId,
            ActorEmail = email,
            Action = auditEvent.Type,
            TargetType = targetId is null ? null : targetType,
            TargetId = targetId,
            Details = auditEvent.Detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
