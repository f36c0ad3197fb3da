using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

public sealed class AnonymousAccessTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    /// <summary>Every routable page of the portal, found by reflection so a new page is covered automatically.</summary>
    public static TheoryData<string> ProtectedPages() => new(ProtectedRoutes());

    private static IEnumerable<string> ProtectedRoutes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template.Replace("{Id}", "x", StringComparison.OrdinalIgnoreCase))
            .Distinct();

    [Fact]
    public void The_page_list_includes_the_portal_pages()
    {
        var routes = ProtectedRoutes().ToList();

        Assert.Contains("/admin/users", routes);
        Assert.Contains("/connections", routes);
        Assert.Contains("/functions", routes);
        Assert.Contains("/", routes);
    }

    // SEC-30
    [Theory]
    [MemberData(nameof(ProtectedPages))]
    public async Task Anonymous_request_to_a_portal_page_redirects_to_login(string route)
    {
        using var client = LoginClient.CreateClient(factory);

        var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_page_is_served_to_anonymous_users()
    {
        using var client = LoginClient.CreateClient(factory);

        var html = await client.GetStringAsync("/Account/Login");

        Assert.Contains("Sign in with your portal account", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Register as a new user", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoint_reports_healthy_when_the_database_is_reachable()
    {
        using var client = LoginClient.CreateClient(factory);

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_from_wwwroot_assets_is_served_under_assets()
    {
        using var client = LoginClient.CreateClient(factory);
        var onDisk = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets", "css", "portal.css"));

        var response = await client.GetAsync("/assets/css/portal.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(onDisk, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MudBlazor_assets_are_served_locally()
    {
        using var client = LoginClient.CreateClient(factory);

        var response = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
