namespace Portal.Connections.Credentials;

/// <summary>
/// The host's count of committed writes to the connections tables (Connections, ConnectionAuthorizations, ConnectionServices,
/// ConnectionUseGrants) from this process. The credential path caches what it read from those tables only while the count is
/// unchanged, and for <see cref="ConnectionsOptions.CredentialCacheLifetime"/> at most (the bound for writes by another
/// instance). A host that cannot count returns null and nothing is cached.
/// </summary>
public interface IConnectionsChangeStamp
{
    long? Current { get; }
}

/// <summary>The default: no count, so every call reads the database.</summary>
internal sealed class NoConnectionsChangeStamp : IConnectionsChangeStamp
{
    public long? Current => null;
}
