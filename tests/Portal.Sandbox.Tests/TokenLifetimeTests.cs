using System.Net;
using Microsoft.Extensions.Time.Testing;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed class TokenLifetimeTests
{
    private const string SheetsPath = "/api/sheets/v1/spreadsheets";

    [Fact]
    public async Task Access_token_lifetime_is_configurable_and_an_expired_token_gets_401_invalid_token()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = new SandboxFixture();
        await sandbox.StartAsync(options =>
        {
            options.AccessTokenLifetime = TimeSpan.FromSeconds(30);
            options.TimeProvider = clock;
        });
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", "sheets.read");
        using var api = sandbox.NewApiClient();
        var fresh = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, SheetsPath, tokens.AccessToken!));

        clock.Advance(TimeSpan.FromSeconds(31));
        var expired = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, SheetsPath, tokens.AccessToken!));
        var refreshed = await SandboxTokens.RefreshAsync(sandbox, tokens.RefreshToken!);

        Assert.InRange(tokens.ExpiresIn, 29, 30);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("error=\"invalid_token\"", expired.Headers.WwwAuthenticate.ToString());
        Assert.False(refreshed.IsError, refreshed.ErrorDescription);
    }

    [Fact]
    public async Task Tokens_issued_before_a_restart_keep_working_because_keys_are_persisted()
    {
        await using var sandbox = new SandboxFixture();
        await sandbox.StartAsync();
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "riley@sandbox.test", "sheets.read");

        await sandbox.RestartAsync();
        using var api = sandbox.NewApiClient();
        var response = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, SheetsPath, tokens.AccessToken!));
        var refreshed = await SandboxTokens.RefreshAsync(sandbox, tokens.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(refreshed.IsError, refreshed.ErrorDescription);
    }
}
