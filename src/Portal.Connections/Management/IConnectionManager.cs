namespace Portal.Connections.Management;

/// <summary>Create, list, get, delete and revoke connections, with per-role visibility (SEC-30).</summary>
public interface IConnectionManager
{
    /// <summary>Every connection of the scope <paramref name="user"/> may see, in name order (the REST list).</summary>
    Task<IReadOnlyList<ConnectionSummary>> ListAsync(ConnectionsUser user, ConnectionListScope scope, CancellationToken ct = default);

    /// <summary>One page of the scope <paramref name="user"/> may see, filtered and counted in the database.</summary>
    Task<ConnectionListPage> PageAsync(ConnectionsUser user, ConnectionListScope scope, ConnectionListQuery query, CancellationToken ct = default);

    /// <summary>Creates a connection; validation problems come back as <see cref="ConnectionCreateResult.Errors"/>.</summary>
    /// <exception cref="ConnectionsException">Forbidden: <paramref name="actor"/> is neither a developer nor an admin.</exception>
    Task<ConnectionCreateResult> CreateAsync(CreateConnectionRequest request, ConnectionsUser actor, CancellationToken ct = default);

    /// <summary>The connection with its authorizations and usages; null when it does not exist or <paramref name="user"/> may not see it (callers answer 404).</summary>
    Task<ConnectionDetails?> GetAsync(string linkName, ConnectionsUser user, CancellationToken ct = default);

    /// <summary>The functions that use the connection, as reported by the host's <see cref="IConnectionUsageSource"/>.</summary>
    Task<IReadOnlyList<ConnectionUsage>> GetUsagesAsync(string linkName, CancellationToken ct = default);

    /// <summary>
    /// Deletes a connection, revoking every authorization at the provider first (best effort, SEC-8). Without
    /// <paramref name="force"/>, a connection still in use is kept and its users are returned in <see cref="ConnectionDeleteResult.UsedBy"/>.
    /// </summary>
    /// <exception cref="ConnectionsException">NotFound (missing or invisible) or Forbidden (neither its owner nor an admin).</exception>
    Task<ConnectionDeleteResult> DeleteAsync(string linkName, ConnectionsUser user, bool force, CancellationToken ct = default);

    /// <summary>
    /// Revokes one authorization: the caller's own, or, for the owner or an admin, <paramref name="targetUserId"/>'s. Local
    /// ciphertext is always deleted (SEC-8). False when there was no such authorization.
    /// </summary>
    /// <exception cref="ConnectionsException">NotFound (missing or invisible) or Forbidden (another person's authorization).</exception>
    Task<bool> RevokeAsync(string linkName, ConnectionsUser user, string? targetUserId = null, CancellationToken ct = default);
}
