using System.Net;
using Microsoft.Security.AntiSSRF;
using Portal.Connections.Egress;

namespace Portal.Connections.Tests.Egress;

public sealed class BlockedAddressRangesTests
{
    // SEC-22
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("10.1.2.3", "private network")]
    [InlineData("172.16.0.1", "private network")]
    [InlineData("192.168.50.5", "private network")]
    [InlineData("169.254.10.10", "link-local")]
    [InlineData("fe80::abcd", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("fd00:ec2::254", "cloud metadata")]
    [InlineData("fd00::1", "unique local")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("ff02::fb", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("192.0.2.1", "documentation")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("::ffff:127.0.0.1", "IPv4-mapped IPv6 form of 127.0.0.1, a loopback")]
    [InlineData("::ffff:169.254.169.254", "IPv4-mapped IPv6 form of 169.254.169.254, a cloud metadata")]
    [InlineData("::ffff:10.0.0.1", "IPv4-mapped IPv6 form of 10.0.0.1, a private network")]
    [InlineData("::7f00:1", "IPv4-compatible")]
    [InlineData("::ffff:0:7f00:1", "IPv4-translated")]
    [InlineData("64:ff9b::a00:1", "NAT64")]
    [InlineData("2002:a00:1::1", "6to4")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo")]
    public void Blocked_address_is_classified_in_plain_words(string address, string expected)
    {
        var category = BlockedAddressRanges.Classify(IPAddress.Parse(address));

        Assert.NotNull(category);
        Assert.Contains(expected, category, StringComparison.Ordinal);
    }

    // SEC-22
    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("1.1.1.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:830::200e")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_address_is_not_blocked(string address)
    {
        var category = BlockedAddressRanges.Classify(IPAddress.Parse(address));

        Assert.Null(category);
    }

    // SEC-22: every range Microsoft.Security.AntiSSRF recommends is enforced, first and last address of each.
    [Fact]
    public void Every_range_AntiSSRF_recommends_is_blocked_at_both_ends()
    {
        var unblocked = new List<string>();

        foreach (var cidr in IPAddressRanges.recommendedLatest.Append("255.255.255.255/32").Append("fd00:ec2::254/128"))
        {
            var network = IPNetwork.Parse(cidr);
            foreach (var address in new[] { network.BaseAddress, Last(network) })
            {
                if (BlockedAddressRanges.Classify(address) is null)
                {
                    unblocked.Add($"{address} ({cidr})");
                }
            }
        }

        Assert.Empty(unblocked);
    }

    // SEC-22
    [Fact]
    public void Zone_id_does_not_hide_a_link_local_address()
    {
        var scoped = IPAddress.Parse("fe80::1%2");

        var category = BlockedAddressRanges.Classify(scoped);

        Assert.Equal("a link-local address", category);
    }

    private static IPAddress Last(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        for (var bit = network.PrefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
}
