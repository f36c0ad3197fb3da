namespace Portal.Connections.Api;

/// <summary>Default until the host registers its Identity-backed directory: token holders get the User role only.</summary>
internal sealed class NoRolesUserDirectory : IConnectionsUserDirectory
{
    public Task<IReadOnlyList<string>?> GetRolesAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>?>([ConnectionsRoles.User]);
}
