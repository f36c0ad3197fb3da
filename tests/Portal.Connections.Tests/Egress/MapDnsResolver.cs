using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Portal.Connections.Egress;

namespace Portal.Connections.Tests.Egress;

/// <summary>Test DNS: names map to chosen addresses; unknown names fail like NXDOMAIN; optionally every lookup hangs.</summary>
internal sealed class MapDnsResolver : IEgressDnsResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _map = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _lookups = new();

    public bool Hang { get; set; }

    public IReadOnlyCollection<string> Lookups => _lookups;

    public MapDnsResolver Map(string host, params string[] addresses)
    {
        _map[host] = [.. addresses.Select(IPAddress.Parse)];
        return this;
    }

    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        _lookups.Enqueue(host);
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return _map.TryGetValue(host, out var addresses) ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }
}
