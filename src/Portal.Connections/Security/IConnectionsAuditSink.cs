namespace Portal.Connections.Security;

/// <summary>Implemented by the host to persist audit events.</summary>
public interface IConnectionsAuditSink
{
    Task WriteAsync(ConnectionsAuditEvent auditEvent, CancellationToken cancellationToken = default);
}
