using Portal.Connections.Data;

namespace Portal.Connections.Credentials;

/// <summary>SEC-33 on its own, for callers that name a connection without sending through it first (integration tasks).</summary>
public interface IConnectionUseCheck
{
    /// <summary>The connection when <paramref name="context"/> may use it; otherwise the refusal that reads the same whether or not it exists.</summary>
    /// <exception cref="ConnectionsException">Always <see cref="ConnectionUseRefusal"/>'s message.</exception>
    Task<ConnectionEntity> RequireUsableAsync(string linkName, ConnectionUseContext context, CancellationToken ct = default);
}
