using System.Net;
using System.Net.Sockets;
using Microsoft.Security.AntiSSRF;

namespace Portal.Connections.Egress;

/// <summary>
/// The address block list (SEC-22), built from Microsoft.Security.AntiSSRF's published ranges plus a few extras, each with a
/// plain-words category for error messages. AntiSSRF's own check is internal to its handler (which resolves DNS itself and
/// cannot take our resolver, proxy or HTTP/3 settings), so the ranges are reused here and checked in our connect callback.
/// </summary>
internal static class BlockedAddressRanges
{
    private const string SpecialPurpose = "a special-purpose address reserved by IANA";

    private static readonly (IPNetwork Network, string Category)[] Entries = Build(
    [
        (IPAddressRanges.unspecified, "the unspecified address (\"this host\")"),
        (IPAddressRanges.loopback, "a loopback address (this server itself)"),
        (IPAddressRanges.privateUse, "a private network address (RFC 1918)"),
        (IPAddressRanges.sharedAddressSpace, "a carrier-grade NAT address (100.64.0.0/10)"),
        (IPAddressRanges.linkLocal, "a link-local address"),
        (IPAddressRanges.imds, "a cloud metadata address"),
        (["fd00:ec2::254/128", "100.100.100.200/32", "192.0.0.192/32"], "a cloud metadata address"),
        (IPAddressRanges.wireserver, "a cloud platform address (Azure WireServer)"),
        (IPAddressRanges.multicast, "a multicast address"),
        (IPAddressRanges.broadcast, "the broadcast address"),
        (IPAddressRanges.reserved, "a reserved address"),
        (IPAddressRanges.documentation, "a documentation-only address (TEST-NET)"),
        (IPAddressRanges.benchmarking, "a benchmarking-only address"),
        (IPAddressRanges.uniqueLocal, "a private IPv6 address (unique local, fc00::/7)"),
        (IPAddressRanges.siteLocal, "a site-local IPv6 address"),
        (IPAddressRanges.sixto4, "a 6to4 transition address, which can tunnel to private IPv4 networks"),
        (IPAddressRanges.teredo, "a Teredo transition address, which can tunnel to private IPv4 networks"),
        (IPAddressRanges.ipv4Ipv6Translat, "a NAT64 translation address, which can reach private IPv4 networks"),
        (["::/96"], "a deprecated IPv4-compatible IPv6 address"),
        (["::ffff:0:0:0/96"], "an IPv4-translated IPv6 address, which can reach IPv4 networks"),
        (IPAddressRanges.ietfProtocol, SpecialPurpose),
        (IPAddressRanges.ipv4ServiceContinuity, SpecialPurpose),
        (IPAddressRanges.dummy, SpecialPurpose),
        (IPAddressRanges.amt, SpecialPurpose),
        (IPAddressRanges.as112, SpecialPurpose),
        (IPAddressRanges.deprecated, SpecialPurpose),
        (IPAddressRanges.detsPrefix, SpecialPurpose),
        (IPAddressRanges.discardOnly, SpecialPurpose),
        (IPAddressRanges.orchidv2, SpecialPurpose),
        (IPAddressRanges.srv6Sid, SpecialPurpose),

        // Last, so that anything AntiSSRF recommends and the named lists above miss is still blocked.
        (IPAddressRanges.recommendedLatest, SpecialPurpose),
    ]);

    /// <summary>Returns what kind of non-public address <paramref name="address"/> is, or null when it is a public address.</summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            var inner = address.MapToIPv4();
            var category = Classify(inner);
            return category is null ? null : $"the IPv4-mapped IPv6 form of {inner}, {category}";
        }

        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return "not an internet address";
        }

        // Scope IDs (fe80::1%eth0) do not change which range an address is in.
        var bare = address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
        string? best = null;
        var bestPrefix = -1;
        foreach (var (network, category) in Entries)
        {
            // Strictly longer wins, so on equal prefixes the earlier, more descriptive entry is kept.
            if (network.PrefixLength > bestPrefix && network.Contains(bare))
            {
                (best, bestPrefix) = (category, network.PrefixLength);
            }
        }

        return best;
    }

    private static (IPNetwork, string)[] Build((string[] Cidrs, string Category)[] lists) =>
        [.. lists.SelectMany(l => l.Cidrs.Select(c => (IPNetwork.Parse(c), l.Category)))];
}
