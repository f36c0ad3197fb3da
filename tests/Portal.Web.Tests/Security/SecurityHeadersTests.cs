using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security;

public sealed class SecurityHeadersTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    // SEC-31
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/assets/css/portal.css")]
    [InlineData("/healthz")]
    public async Task Every_response_carries_the_hardening_headers(string path)
    {
        using var client = LoginClient.CreateClient(factory);

        var response = await client.GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    // SEC-31
    [Fact]
    public async Task Pages_have_no_inline_scripts_the_policy_would_block()
    {
        using var client = LoginClient.CreateClient(factory);

        var html = await client.GetStringAsync("/Account/Login");

        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html);
    }
}
