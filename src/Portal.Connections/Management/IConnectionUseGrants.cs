namespace Portal.Connections.Management;

/// <summary>
/// "Functions of these people may use it" (SEC-33): the owner of an owner-mode connection, or an admin, lets other people's
/// functions use it. Anyone else gets the same answer as for a missing connection.
/// </summary>
public interface IConnectionUseGrants
{
    /// <summary>The grants, oldest first; null when the connection does not exist or <paramref name="viewer"/> may not manage it.</summary>
    Task<IReadOnlyList<ConnectionUseGrant>?> ListAsync(string linkName, ConnectionsUser viewer, CancellationToken ct = default);

    /// <summary>Lets functions of <paramref name="granteeUserId"/> use the connection and returns the grant.</summary>
    /// <exception cref="ConnectionsException">Not the owner or an admin, a shared connection, or a person who cannot write functions.</exception>
    Task<ConnectionUseGrant> GrantAsync(string linkName, string granteeUserId, ConnectionsUser actor, CancellationToken ct = default);

    /// <summary>Takes use away at once: the next request of a run of that person's functions is refused. False when there was no grant.</summary>
    /// <exception cref="ConnectionsException">NotFound: the connection is missing or <paramref name="actor"/> may not manage it.</exception>
    Task<bool> RevokeAsync(string linkName, string granteeUserId, ConnectionsUser actor, CancellationToken ct = default);
}
