using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Portal.E2E.Infrastructure;
using Xunit.Abstractions;

namespace Portal.E2E.Flows;

/// <summary>
/// Issue 17 item 3, the browser through a load balancer: YARP with cookie session affinity in front of two real portal
/// processes on one PostgreSQL. A connection created in the UI on the instance the affinity chose is listed by a browser
/// kept on the other instance, and the first page's Blazor circuit keeps working — also after the other instance died.
/// </summary>
public sealed class MultiInstanceBrowserFlowTests(ITestOutputHelper output)
{
    // Expectations wait up to 20 s instead of Playwright's 5: two portals, a proxy and Chromium share two cores.
    private const float Wait = 20_000;

    [Fact]
    public async Task A_connection_created_through_the_balancer_on_one_instance_is_listed_on_the_other_and_the_circuit_lives_on()
    {
        await using var cluster = await PortalCluster.StartAsync(PortalCluster.FreePorts(2));
        await using var proxy = await StickyProxy.StartAsync(cluster.Instances);
        await CreateApiKeyServiceAsync(cluster);
        await using var chromium = await ChromiumLauncher.LaunchAsync();

        // Alice's browser (the admin): signs in through the balancer; the affinity cookie keeps it on one instance.
        var first = await chromium.NewPageAsync(proxy.Url);
        var login = await first.GotoAsync("/Account/Login");
        var home = login!.Headers[StickyProxy.InstanceHeader.ToLowerInvariant()];
        await first.FillAsync("#Input\\.Email", PortalCluster.AdminEmail);
        await first.FillAsync("#Input\\.Password", PortalCluster.AdminPassword);
        await first.ClickAsync("button[type=submit]");
        await first.WaitForInteractiveAsync();
        Assert.Contains(await first.Context.CookiesAsync(), c => c.Name == StickyProxy.AffinityCookie);

        await first.GotoAsync("/connections/new?service=cluster_weather");
        await first.WaitForInteractiveAsync();
        await first.GetByTestId("connection-name").FillAsync("Cluster Weather");
        await first.GetByTestId("apikey-X-Cluster-Key").FillAsync("cluster-key-123");
        await first.GetByTestId("create-and-connect").ClickAsync();
        await Assertions.Expect(first.GetByTestId("wizard-connected")).ToBeVisibleAsync(new() { Timeout = Wait });
        await first.ScreenshotAsync("multi-instance-01-created-on-" + home);

        // A second browser on the other instance: a fresh context gets the next instance from round robin (retried
        // until it does), then carries the first browser's sign-in cookie, which the other instance accepts (shared key ring).
        var signIn = (await first.Context.CookiesAsync()).Where(c => c.Name != StickyProxy.AffinityCookie).ToList();
        IPage second;
        string other;
        var tries = 0;
        while (true)
        {
            second = await chromium.NewPageAsync(proxy.Url, dark: true);
            var answer = await second.GotoAsync("/healthz");
            other = answer!.Headers[StickyProxy.InstanceHeader.ToLowerInvariant()];
            if (other != home)
            {
                break;
            }

            Assert.True(++tries < 8, "round robin never chose the other instance");
            await second.Context.CloseAsync();
        }

        await second.Context.AddCookiesAsync(signIn.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var list = await second.GotoAsync("/connections");
        Assert.Equal(other, list!.Headers[StickyProxy.InstanceHeader.ToLowerInvariant()]);
        await second.WaitForInteractiveAsync();
        await Assertions.Expect(second.GetByTestId("connections-table")).ToContainTextAsync("cluster_weather", new() { Timeout = Wait });
        // A service without a logo shows a puzzle icon on the white logo tile, visible in the dark theme too.
        Assert.Equal("rgb(71, 85, 105)", await second.GetByTestId("connections-table").Locator(".portal-service-logo > .mud-icon-root").First
            .EvaluateAsync<string>("icon => getComputedStyle(icon).color"));
        await second.ShootPortalAsync("multi-instance-02-listed-on-" + other);

        // The first page's circuit still answers clicks (client-side navigation over its WebSocket), with no reconnect UI;
        // then the other instance dies, and the first page, whose instance lives, keeps working.
        await first.GetByRole(AriaRole.Link, new() { Name = "Connections", Exact = true }).ClickAsync();
        await Assertions.Expect(first.GetByTestId("connections-table")).ToContainTextAsync("cluster_weather", new() { Timeout = Wait });
        await Assertions.Expect(first.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = Wait });
        await cluster.Instances[StickyProxy.IndexOf(other)].KillAsync();
        await first.GetByRole(AriaRole.Link, new() { Name = "Functions", Exact = true }).ClickAsync();
        await first.WaitForURLAsync("**/functions");
        await first.GetByRole(AriaRole.Link, new() { Name = "Connections", Exact = true }).ClickAsync();
        await Assertions.Expect(first.GetByTestId("connections-table")).ToContainTextAsync("cluster_weather", new() { Timeout = Wait });
        await first.WaitForTimeoutAsync(1_000);
        await Assertions.Expect(first.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = Wait });
        await first.ShootPortalAsync("multi-instance-03-circuit-alive-on-" + home);

        // Every request of the first browser after its first went to its instance: the circuit's WebSocket included.
        var requests = proxy.Requests.ToList();
        output.WriteLine($"home {home}, other {other}; {requests.Count} proxied requests, {requests.Count(r => r.Path.StartsWith("/_blazor", StringComparison.Ordinal))} to /_blazor");
        Assert.Contains(requests, r => r.Path.StartsWith("/_blazor", StringComparison.Ordinal) && r.Instance == home);
        Assert.Contains(requests, r => r.Path.StartsWith("/_blazor", StringComparison.Ordinal) && r.Instance == other);
    }

    /// <summary>A custom API-key service (the cluster runs without Sandbox Cloud), made through the REST API with the admin's token.</summary>
    private static async Task CreateApiKeyServiceAsync(PortalCluster cluster)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(cluster.Instances[0].Url) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await cluster.CreateAdminTokenAsync());
        var created = await admin.PostAsJsonAsync("/api/v1/services", new
        {
            service = new
            {
                id = "cluster_weather",
                displayName = "Cluster Weather",
                category = "Test",
                authType = "ApiKey",
                apiKeyParameters = new[] { new { name = "X-Cluster-Key", location = "Header", label = "API key" } },
                allowedApiBaseUrls = new[] { "https://weather.example.com/v1/" },
            },
        });
        Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }
}
