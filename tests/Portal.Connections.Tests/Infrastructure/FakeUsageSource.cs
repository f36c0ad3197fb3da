using Portal.Connections.Management;

namespace Portal.Connections.Tests.Infrastructure;

internal sealed class FakeUsageSource : IConnectionUsageSource
{
    public Dictionary<string, List<ConnectionUsage>> Usages { get; } = [];

    public Task<IReadOnlyList<ConnectionUsage>> GetUsagesAsync(string linkName, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ConnectionUsage>>(Usages.TryGetValue(linkName, out var u) ? u : []);
}
