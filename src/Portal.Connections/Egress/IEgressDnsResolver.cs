using System.Net;

namespace Portal.Connections.Egress;

/// <summary>Resolves host names for the egress connect callback; replaced in tests to map names to chosen addresses.</summary>
public interface IEgressDnsResolver
{
    /// <summary>Returns every address of <paramref name="host"/>; throws (or returns none) when the name does not resolve.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
