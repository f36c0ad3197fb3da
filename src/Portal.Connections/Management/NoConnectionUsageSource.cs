namespace Portal.Connections.Management;

/// <summary>Default until the host registers its function store.</summary>
internal sealed class NoConnectionUsageSource : IConnectionUsageSource
{
    public Task<IReadOnlyList<ConnectionUsage>> GetUsagesAsync(string linkName, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ConnectionUsage>>([]);
}
