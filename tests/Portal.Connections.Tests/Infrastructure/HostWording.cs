namespace Portal.Connections.Tests.Infrastructure;

/// <summary>A host's words, as a real host registers them: its own pages under /app and the remedy in brackets.</summary>
internal sealed class HostWording : IConnectionsWording
{
    public string? ConnectionPage(string? linkName) => linkName is null ? "/app/connections" : $"/app/connections/{linkName}";

    public string Remedy(ConnectionProblem problem) => $"[host: {problem.Remedy} by {problem.Actor}]";
}
