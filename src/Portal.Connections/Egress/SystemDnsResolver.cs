using System.Net;

namespace Portal.Connections.Egress;

internal sealed class SystemDnsResolver : IEgressDnsResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}
