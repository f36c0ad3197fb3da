using Portal.Connections.Api;

namespace Portal.Connections.Tests.Infrastructure;

internal sealed class FakeUserDirectory : IConnectionsUserDirectory
{
    public Dictionary<string, string[]> Roles { get; } = [];

    public Task<IReadOnlyList<string>?> GetRolesAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>?>(Roles.TryGetValue(userId, out var r) ? r : null);
}
