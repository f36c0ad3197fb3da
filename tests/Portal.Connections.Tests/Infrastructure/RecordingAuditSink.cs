using System.Collections.Concurrent;
using Portal.Connections.Security;

namespace Portal.Connections.Tests.Infrastructure;

internal sealed class RecordingAuditSink : IConnectionsAuditSink
{
    public ConcurrentQueue<ConnectionsAuditEvent> Events { get; } = new();

    public Task WriteAsync(ConnectionsAuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(auditEvent);
        return Task.CompletedTask;
    }
}
