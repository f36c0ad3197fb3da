using Microsoft.Extensions.Logging.Abstractions;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed class SandboxServerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_port_already_in_use_fails_with_a_message_that_says_what_to_change()
    {
        var busy = sandbox.Url.GetLeftPart(UriPartial.Authority);
        var options = new SandboxOptions { Url = busy, DataDirectory = Path.Combine(Path.GetTempPath(), "sandbox-busy-" + Guid.NewGuid().ToString("N")) };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SandboxServer.StartAsync(options, NullLoggerFactory.Instance));

        Assert.Contains(busy, error.Message);
        Assert.Contains("change Sandbox:Url", error.Message);
    }

    [Fact]
    public async Task Starting_twice_on_the_same_data_keeps_clients_and_demo_data_without_duplicates()
    {
        await sandbox.RestartAsync();

        var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", "sheets.read");
        using var api = sandbox.NewApiClient();
        var list = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/sheets/v1/spreadsheets", tokens.AccessToken!));
        var text = await list.Content.ReadAsStringAsync();

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Sam's Budget 2026"));
    }

    [Fact]
    public async Task Requests_for_a_non_loopback_host_name_are_refused_against_DNS_rebinding()
    {
        using var api = sandbox.NewApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/echo/");
        request.Headers.Host = "evil.example";

        var response = await api.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Discovery_names_the_sandbox_url_as_issuer_and_endpoints()
    {
        using var api = sandbox.NewApiClient();

        var discovery = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        // SEC-4
        Assert.Equal(sandbox.Instance.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal(sandbox.Instance.Issuer + "connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(sandbox.Instance.Issuer + "connect/revoke", discovery.GetProperty("revocation_endpoint").GetString());
    }
}
