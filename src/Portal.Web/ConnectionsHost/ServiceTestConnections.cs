using System.Collections.Concurrent;

namespace Portal.Web.ConnectionsHost;

/// <summary>Throw-away connections of a custom service's Test button: kept out of lists and the audit log, then deleted (issue 16).</summary>
public sealed class ServiceTestConnections
{
    private readonly ConcurrentDictionary<string, byte> links = new(StringComparer.Ordinal);

    public string NewLinkName(string serviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        var link = $"{(serviceId.Length > 38 ? serviceId[..38] : serviceId)}_test_{Guid.NewGuid().ToString("N")[..8]}";
        links[link] = 0;
        return link;
    }

    public bool Contains(string? linkName) => linkName is not null && links.ContainsKey(linkName);

    /// <summary>The test connections alive now (usually none), for lists to leave out.</summary>
    public IReadOnlyCollection<string> Current => [.. links.Keys];

    public void Forget(string linkName) => links.TryRemove(linkName, out _);
}
