using Portal.Connections.Egress;

namespace Portal.Connections.Tests.Egress;

public sealed class EgressUrlPolicyTests : IDisposable
{
    private readonly EgressTestHost _host = EgressTestHost.Create(allowedOrigins: ["http://127.0.0.1:5100"]);

    // SEC-23: .NET's Uri normalizes the alternative IPv4 notations, and the normalized address is then blocked.
    [Theory]
    [InlineData("http://2130706433/", "127.0.0.1")]
    [InlineData("http://0177.0.0.1/", "127.0.0.1")]
    [InlineData("http://0x7f.1/", "127.0.0.1")]
    [InlineData("http://127.1/", "127.0.0.1")]
    [InlineData("http://[::ffff:127.0.0.1]/", "[::ffff:127.0.0.1]")]
    [InlineData("http://[::ffff:7f00:1]/", "[::ffff:127.0.0.1]")]
    [InlineData("http://[::]/", "[::]")]
    [InlineData("http://0/", "0.0.0.0")]
    public void Uri_normalizes_alternative_notations_and_the_result_is_blocked(string url, string normalizedHost)
    {
        var parsed = new Uri(url);

        var error = Assert.Throws<EgressBlockedException>(() => _host.UrlPolicy.Validate(url));

        Assert.Equal(normalizedHost, parsed.Host);
        Assert.Equal(EgressBlockReason.BlockedAddress, error.Reason);
        Assert.Equal(normalizedHost.Trim('[', ']'), error.Host);
    }

    // SEC-22
    [Fact]
    public void Metadata_refusal_reads_as_plain_words()
    {
        var error = Assert.Throws<EgressBlockedException>(() => _host.UrlPolicy.Validate("http://169.254.169.254/latest/meta-data/"));

        Assert.Equal("Requests to 169.254.169.254 are blocked: it is a cloud metadata address. Scripts may only call public internet addresses.", error.Message);
    }

    // SEC-23
    [Theory]
    [InlineData("ftp://example.com/file", "ftp")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("gopher://example.com:70/", "gopher")]
    [InlineData("ws://example.com/socket", "ws")]
    [InlineData("ldap://example.com/", "ldap")]
    public void Only_http_and_https_are_allowed(string url, string scheme)
    {
        var error = Assert.Throws<EgressBlockedException>(() => _host.UrlPolicy.Validate(url));

        Assert.Equal(EgressBlockReason.Scheme, error.Reason);
        Assert.Contains($"'{scheme}:' URLs are not allowed. Use an http:// or https:// URL.", error.Message, StringComparison.Ordinal);
    }

    // SEC-23
    [Theory]
    [InlineData("https://user:s3cret@api.example.com/")]
    [InlineData("https://token@api.example.com/")]
    [InlineData("https://api.example.com@evil.example.net/")]
    public void User_info_is_refused_without_echoing_it(string url)
    {
        var error = Assert.Throws<EgressBlockedException>(() => _host.UrlPolicy.Validate(url));

        Assert.Equal(EgressBlockReason.UserInfo, error.Reason);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Remove it", error.Message, StringComparison.Ordinal);
    }

    // SEC-23
    [Theory]
    [InlineData("/relative/path")]
    [InlineData("api.example.com/v1")]
    [InlineData("http://")]
    public void Non_absolute_url_is_refused_with_an_example(string url)
    {
        var error = Assert.Throws<EgressBlockedException>(() => _host.UrlPolicy.Validate(url));

        Assert.Equal(EgressBlockReason.InvalidUrl, error.Reason);
        Assert.Contains("https://api.example.com/v1/items", error.Message, StringComparison.Ordinal);
    }

    // SEC-22: names are left to the connect-time check, which sees what they resolve to.
    [Theory]
    [InlineData("https://api.github.com/repos")]
    [InlineData("http://example.com:8080/x?y=1")]
    [InlineData("https://8.8.8.8/")]
    [InlineData("https://[2606:4700:4700::1111]/dns-query")]
    public void Public_names_and_addresses_pass(string url)
    {
        var result = _host.UrlPolicy.Validate(url);

        Assert.Equal(new Uri(url), result);
    }

    // SEC-23
    [Fact]
    public void Exact_allowed_origin_passes_but_a_different_port_or_scheme_does_not()
    {
        var allowed = _host.UrlPolicy.Validate("http://127.0.0.1:5100/api/items");

        var otherPort = Assert.Throws<EgressBlockedException>(() => _host.UrlPolicy.Validate("http://127.0.0.1:5101/api/items"));
        var otherScheme = Assert.Throws<EgressBlockedException>(() => _host.UrlPolicy.Validate("https://127.0.0.1:5100/api/items"));
        var otherSpelling = Assert.Throws<EgressBlockedException>(() => _host.UrlPolicy.Validate("http://localhost:5100/api/items"));

        Assert.Equal(5100, allowed.Port);
        Assert.All([otherPort, otherScheme, otherSpelling], e => Assert.Equal(EgressBlockReason.BlockedAddress, e.Reason));
    }

    public void Dispose() => _host.Dispose();
}
