using Portal.Connections.Egress;

namespace Portal.Connections.Tests.Egress;

/// <summary>The SSRF corpus of issue 8, acceptance 1. Loopback payloads aim at the canary's port so a miss would be counted.</summary>
internal static class SsrfCorpus
{
    public static readonly SsrfPayload[] Direct =
    [
        // Loopback in every notation, aimed at the canary.
        L("http://127.0.0.1:{c}/", "127.0.0.1"),
        L("https://127.0.0.1:{c}/", "127.0.0.1"),
        L("http://127.1:{c}/", "127.0.0.1"),
        L("http://127.0.1:{c}/", "127.0.0.1"),
        L("http://2130706433:{c}/", "127.0.0.1"),
        L("http://0x7f000001:{c}/", "127.0.0.1"),
        L("http://0x7f.1:{c}/", "127.0.0.1"),
        L("http://0x7f.0x0.0x0.0x1:{c}/", "127.0.0.1"),
        L("http://0177.0.0.1:{c}/", "127.0.0.1"),
        L("http://017700000001:{c}/", "127.0.0.1"),
        L("http://0177.0000.0000.0001:{c}/", "127.0.0.1"),
        L("http://127.000.000.001:{c}/", "127.0.0.1"),
        L("http://127.0.0.0x1:{c}/", "127.0.0.1"),
        L("http://127.0.0.1.:{c}/", "127.0.0.1."),
        L("http://\u2460\u2461\u2466.0.0.1:{c}/", "127.0.0.1"),
        L("http://127.0.0.2:{c}/", "127.0.0.2"),
        L("http://127.255.255.254:{c}/", "127.255.255.254"),
        L("http://[::1]:{c}/", "::1"),
        L("http://[0:0:0:0:0:0:0:1]:{c}/", "::1"),
        L("http://[::ffff:127.0.0.1]:{c}/", "::ffff:127.0.0.1"),
        L("http://[::ffff:7f00:1]:{c}/", "::ffff:127.0.0.1"),
        L("http://[0:0:0:0:0:ffff:127.0.0.1]:{c}/", "::ffff:127.0.0.1"),
        L("http://[::127.0.0.1]:{c}/", "::127.0.0.1"),
        L("http://[::ffff:0:127.0.0.1]:{c}/", "::ffff:0:127.0.0.1"),
        L("http://[64:ff9b::127.0.0.1]:{c}/", "64:ff9b::7f00:1"),
        L("http://[2002:7f00:1::]:{c}/", "2002:7f00:1::"),
        L("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:{c}/", "2001:0:4136:e378:8000:63bf:80ff:fffe"),
        L("http://0.0.0.0:{c}/", "0.0.0.0"),
        L("http://0:{c}/", "0.0.0.0"),
        L("http://0.0.0.1:{c}/", "0.0.0.1"),
        L("http://[::]:{c}/", "::"),
        L("http://[::ffff:0.0.0.0]:{c}/", "::ffff:0:0"),
        L("http://localhost:{c}/", "localhost"),
        L("http://LOCALHOST:{c}/", "localhost"),
        L("http://localhost.:{c}/", "localhost."),
        L("http://api.localhost:{c}/", "api.localhost"),

        // User-info tricks: the real host is after the '@'.
        L("http://example.com@127.0.0.1:{c}/", "127.0.0.1"),
        L("http://user:pass@127.0.0.1:{c}/", "127.0.0.1"),
        L("http://example.com:80@127.0.0.1:{c}/", "127.0.0.1"),
        L("http://api.github.com%40@127.0.0.1:{c}/", "127.0.0.1"),
        L("http://127.0.0.1:{c}@nxdomain.test/", "nxdomain.test", EgressBlockReason.DnsFailure),
        L("http://user@[::1]:{c}/", "::1"),
        L("https://trusted.example@169.254.169.254/", "169.254.169.254"),

        // Names that resolve to the canary or other blocked addresses (test resolver): only the connect-time check sees these.
        N("http://canary.test:{c}/", "canary.test"),
        N("http://rebind.test:{c}/", "rebind.test"),
        N("http://v6loop.test:{c}/", "v6loop.test"),
        N("http://mapped.test:{c}/", "mapped.test"),
        N("http://127.0.0.1.nip.io:{c}/", "127.0.0.1.nip.io"),
        N("http://localtest.me:{c}/", "localtest.me"),
        N("http://zero.test:{c}/", "zero.test"),
        N("http://metadata.google.internal/computeMetadata/v1/", "metadata.google.internal"),
        N("http://instance-data.test/latest/meta-data/", "instance-data.test"),
        N("http://internal.test/admin", "internal.test"),
        N("http://db.test:5432/", "db.test"),
        N("http://router.test/", "router.test"),
        N("http://dual.test/", "dual.test"),
        N("http://cgnat.test/", "cgnat.test"),
        N("http://ula.test/", "ula.test"),
        N("http://linklocal.test/", "linklocal.test"),
        N("http://multicast.test/", "multicast.test"),
        N("http://nat64.test/", "nat64.test"),
        N("http://docs.test/", "docs.test"),
        N("http://ec2v6.test/", "ec2v6.test"),
        D("http://nxdomain.test/", "nxdomain.test"),
        D("http://does-not-exist.invalid/", "does-not-exist.invalid"),
        D("http://empty.test/", "empty.test"),

        // Cloud metadata, v4 and v6, in several notations.
        L("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        L("http://169.254.169.254/computeMetadata/v1/", "169.254.169.254"),
        L("http://2852039166/", "169.254.169.254"),
        L("http://0xa9fea9fe/", "169.254.169.254"),
        L("http://0251.0376.0251.0376/", "169.254.169.254"),
        L("http://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254"),
        L("http://169.254.43518/", "169.254.169.254"),
        L("http://[::ffff:169.254.169.254]/", "::ffff:169.254.169.254"),
        L("http://[::ffff:a9fe:a9fe]/", "::ffff:169.254.169.254"),
        L("http://[fd00:ec2::254]/latest/meta-data/", "fd00:ec2::254"),
        L("http://[64:ff9b::a9fe:a9fe]/", "64:ff9b::a9fe:a9fe"),
        L("http://100.100.100.200/latest/meta-data/", "100.100.100.200"),
        L("http://168.63.129.16/machine", "168.63.129.16"),
        L("http://192.0.0.192/opc/v1/", "192.0.0.192"),

        // RFC 1918.
        L("http://10.0.0.1/", "10.0.0.1"),
        L("http://10.255.255.255/", "10.255.255.255"),
        L("http://012.0.0.1/", "10.0.0.1"),
        L("http://10.1/", "10.0.0.1"),
        L("http://167772161/", "10.0.0.1"),
        L("http://172.16.0.1/", "172.16.0.1"),
        L("http://172.31.255.254/", "172.31.255.254"),
        L("http://0xac100001/", "172.16.0.1"),
        L("http://192.168.0.1/", "192.168.0.1"),
        L("http://192.168.1.1:8080/", "192.168.1.1"),
        L("http://3232235777/", "192.168.1.1"),
        L("http://0300.0250.0.1/", "192.168.0.1"),
        L("http://0xc0.0xa8.1.1/", "192.168.1.1"),
        L("http://[::ffff:10.0.0.1]/", "::ffff:10.0.0.1"),
        L("http://[::ffff:192.168.1.1]/", "::ffff:192.168.1.1"),
        L("http://[::ffff:172.16.0.1]/", "::ffff:172.16.0.1"),
        L("http://[64:ff9b::10.0.0.1]/", "64:ff9b::a00:1"),
        L("http://[64:ff9b::c0a8:101]/", "64:ff9b::c0a8:101"),
        L("http://[2002:c0a8:101::1]/", "2002:c0a8:101::1"),
        L("http://[2002:a00:1::]/", "2002:a00:1::"),

        // Link-local, CGNAT, ULA, site-local.
        L("http://169.254.0.1/", "169.254.0.1"),
        L("http://169.254.255.254/", "169.254.255.254"),
        L("http://[fe80::1]/", "fe80::1"),
        L("http://[fe80::1%25eth0]/", "fe80::1%25eth0"),
        L("http://[febf::1]/", "febf::1"),
        L("http://100.64.0.1/", "100.64.0.1"),
        L("http://100.127.255.254/", "100.127.255.254"),
        L("http://[fc00::1]/", "fc00::1"),
        L("http://[fd12:3456:789a::1]/", "fd12:3456:789a::1"),
        L("http://[fdff:ffff::1]/", "fdff:ffff::1"),
        L("http://[fec0::1]/", "fec0::1"),

        // Multicast, broadcast, reserved, documentation, benchmarking, other special-purpose ranges.
        L("http://224.0.0.1/", "224.0.0.1"),
        L("http://239.255.255.250:1900/", "239.255.255.250"),
        L("http://[ff02::1]/", "ff02::1"),
        L("http://[ff05::1:3]/", "ff05::1:3"),
        L("http://255.255.255.255/", "255.255.255.255"),
        L("http://4294967295/", "255.255.255.255"),
        L("http://240.0.0.1/", "240.0.0.1"),
        L("http://250.1.2.3/", "250.1.2.3"),
        L("http://192.0.2.1/", "192.0.2.1"),
        L("http://198.51.100.7/", "198.51.100.7"),
        L("http://203.0.113.9/", "203.0.113.9"),
        L("http://[2001:db8::1]/", "2001:db8::1"),
        L("http://[3fff::1]/", "3fff::1"),
        L("http://198.18.0.1/", "198.18.0.1"),
        L("http://198.19.255.254/", "198.19.255.254"),
        L("http://192.0.0.1/", "192.0.0.1"),
        L("http://192.88.99.1/", "192.88.99.1"),
        L("http://[2001:0:5ef5:79fd::1]/", "2001:0:5ef5:79fd::1"),
        L("http://[100::1]/", "100::1"),
    ];

    /// <summary>Redirect targets served by an allowed origin (the "redirector"); every chain must stop before the target.</summary>
    public static readonly SsrfPayload[] RedirectTargets =
    [
        L("http://127.0.0.1:{c}/", "127.0.0.1"),
        L("http://2130706433:{c}/", "127.0.0.1"),
        L("http://0x7f.1:{c}/", "127.0.0.1"),
        L("http://[::ffff:127.0.0.1]:{c}/", "::ffff:127.0.0.1"),
        L("http://[::1]:{c}/", "::1"),
        L("http://0.0.0.0:{c}/", "0.0.0.0"),
        L("http://localhost:{c}/", "localhost"),
        N("http://canary.test:{c}/", "canary.test"),
        N("http://rebind.test:{c}/", "rebind.test"),
        L("http://169.254.169.254/latest/meta-data/iam/security-credentials/", "169.254.169.254"),
        L("http://[fd00:ec2::254]/latest/meta-data/", "fd00:ec2::254"),
        L("http://10.0.0.1/", "10.0.0.1"),
        L("http://192.168.1.1/", "192.168.1.1"),
        N("http://metadata.google.internal/computeMetadata/v1/", "metadata.google.internal"),
        D("http://nxdomain.test/", "nxdomain.test"),
    ];

    /// <summary>Maps the corpus's test names; public-looking answers are mixed in to prove every address is checked.</summary>
    public static void ConfigureDns(MapDnsResolver dns) => dns
        .Map("localhost", "127.0.0.1", "::1")
        .Map("localhost.", "127.0.0.1")
        .Map("api.localhost", "127.0.0.1")
        .Map("canary.test", "127.0.0.1")
        .Map("rebind.test", "93.184.216.34", "127.0.0.1")
        .Map("v6loop.test", "::1")
        .Map("mapped.test", "::ffff:127.0.0.1")
        .Map("127.0.0.1.nip.io", "127.0.0.1")
        .Map("localtest.me", "127.0.0.1")
        .Map("zero.test", "0.0.0.0")
        .Map("metadata.google.internal", "169.254.169.254")
        .Map("instance-data.test", "169.254.169.254")
        .Map("internal.test", "10.0.0.5")
        .Map("db.test", "172.20.0.3")
        .Map("router.test", "192.168.0.1")
        .Map("dual.test", "8.8.8.8", "2606:4700::1111", "10.0.0.1")
        .Map("cgnat.test", "100.64.1.1")
        .Map("ula.test", "fd00::1")
        .Map("linklocal.test", "fe80::1")
        .Map("multicast.test", "239.1.1.1")
        .Map("nat64.test", "64:ff9b::a00:1")
        .Map("docs.test", "192.0.2.10")
        .Map("ec2v6.test", "fd00:ec2::254")
        .Map("empty.test");

    public static IEnumerable<object[]> DirectCases() => Direct.Select(p => new object[] { p });

    public static IEnumerable<object[]> RedirectCases() => RedirectTargets.Select(p => new object[] { p });

    private static SsrfPayload L(string template, string host, EgressBlockReason reason = EgressBlockReason.BlockedAddress) => new(template, host, true, reason);

    private static SsrfPayload N(string template, string host) => new(template, host, false);

    private static SsrfPayload D(string template, string host) => new(template, host, false, EgressBlockReason.DnsFailure);
}
