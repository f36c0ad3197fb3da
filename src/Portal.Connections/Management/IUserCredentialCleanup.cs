namespace Portal.Connections.Management;

/// <summary>Removes everything the connections engine holds for a person who leaves (SEC-38).</summary>
public interface IUserCredentialCleanup
{
    /// <summary>
    /// Revokes each of the user's OAuth authorizations at the provider (best effort, SEC-8), then deletes their authorizations,
    /// unfinished consent flows and personal access tokens; returns what was removed.
    /// </summary>
    Task<UserCredentialCleanupResult> RemoveAllAsync(string userId, CancellationToken ct = default);
}
