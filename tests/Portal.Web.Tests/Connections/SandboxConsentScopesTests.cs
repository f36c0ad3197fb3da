using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Catalog;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Connections;

/// <summary>Issue 16 item 12: the portal's consent lists every scope Sandbox Cloud's own consent page then asks for.</summary>
public sealed class SandboxConsentScopesTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    [Fact]
    public async Task Sandbox_oauth_services_request_and_describe_offline_access_which_sandbox_cloud_always_asks_for()
    {
        var catalog = factory.Services.GetRequiredService<IServiceCatalog>();

        var sheets = await catalog.FindAsync("sandbox_sheets");
        var weather = await catalog.FindAsync("sandbox_weather");

        var offline = Assert.Single(sheets!.Descriptor.Scopes, s => s.Name == "offline_access");
        Assert.Contains("Stay connected", offline.Description, StringComparison.Ordinal);
        Assert.Contains("offline_access", sheets.Descriptor.DefaultScopes);
        Assert.DoesNotContain(weather!.Descriptor.Scopes, s => s.Name == "offline_access");
    }
}
