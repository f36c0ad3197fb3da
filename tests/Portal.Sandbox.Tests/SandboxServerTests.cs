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
}
