using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

/// <summary>
/// An admin who runs the portal from a build (not a publish) with <c>ASPNETCORE_ENVIRONMENT=Production</c> gets the same
/// styled, working pages: every stylesheet and script a page links is served, none answers 404 or 500.
/// </summary>
public sealed partial class ProductionAssetsTests : IDisposable
{
    private readonly ProductionPortalFactory factory = new();

    [Fact]
    public async Task Every_asset_the_login_page_links_is_served_in_production()
    {
        using var client = LoginClient.CreateClient(factory);
        var page = await client.GetStringAsync("/Account/Login");
        var assets = LinkedAsset().Matches(page).Select(m => m.Groups["url"].Value).Distinct().ToArray();
        Assert.Contains(assets, a => a.Contains("MudBlazor", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".styles.css", StringComparison.Ordinal));

        var failures = new List<string>();
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync("/" + asset.TrimStart('/'));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{asset} → {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    public void Dispose() => factory.Dispose();

    [GeneratedRegex("""(?:href|src)="(?<url>[^"#?]+\.(?:css|js))""")]
    private static partial Regex LinkedAsset();

    private sealed class ProductionPortalFactory : PortalWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
