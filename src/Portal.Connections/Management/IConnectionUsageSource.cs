namespace Portal.Connections.Management;

/// <summary>Implemented by the host: which saved functions reference a connection link name.</summary>
public interface IConnectionUsageSource
{
    Task<IReadOnlyList<ConnectionUsage>> GetUsagesAsync(string linkName, CancellationToken cancellationToken = default);
}
