using Microsoft.Extensions.Logging;

namespace Portal.Connections.Security;

/// <summary>Fallback sink until the host registers its own.</summary>
internal sealed class LoggingAuditSink(ILogger<LoggingAuditSink> logger) : IConnectionsAuditSink
{
    public Task WriteAsync(ConnectionsAuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Audit {Type} by {Actor}: connection {Connection}, service {Service}, {Detail}",
                auditEvent.Type, auditEvent.ActorUserId, auditEvent.ConnectionLinkName, auditEvent.ServiceId, auditEvent.Detail);
        }

        return Task.CompletedTask;
    }
}
