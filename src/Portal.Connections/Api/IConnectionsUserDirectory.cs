namespace Portal.Connections.Api;

/// <summary>Implemented by the host (Identity): roles of a user, or null when the user no longer exists or is locked out.</summary>
public interface IConnectionsUserDirectory
{
    Task<IReadOnlyList<string>?> GetRolesAsync(string userId, CancellationToken cancellationToken = default);
}
