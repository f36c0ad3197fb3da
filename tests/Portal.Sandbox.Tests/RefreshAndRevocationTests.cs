using System.Net;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed class RefreshAndRevocationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string SheetsPath = "/api/sheets/v1/spreadsheets";

    [Fact]
    public async Task Refresh_rotates_the_refresh_token_and_the_old_one_is_rejected_afterwards()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", "sheets.read");

        var refreshed = await SandboxTokens.RefreshAsync(sandbox, tokens.RefreshToken!);
        var replay = await SandboxTokens.RefreshAsync(sandbox, tokens.RefreshToken!);

        // SEC-7
        Assert.False(refreshed.IsError, refreshed.ErrorDescription);
        Assert.NotEqual(tokens.RefreshToken, refreshed.RefreshToken);
        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
        Assert.Contains("sheets.read", refreshed.Scope);
        Assert.Equal("invalid_grant", replay.Error);
    }

    [Fact]
    public async Task Replaying_a_used_refresh_token_also_kills_the_rotated_one()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "riley@sandbox.test", "sheets.read");
        var refreshed = await SandboxTokens.RefreshAsync(sandbox, tokens.RefreshToken!);

        await SandboxTokens.RefreshAsync(sandbox, tokens.RefreshToken!);
        var afterReplay = await SandboxTokens.RefreshAsync(sandbox, refreshed.RefreshToken!);

        Assert.Equal("invalid_grant", afterReplay.Error);
    }

    [Fact]
    public async Task Revoking_the_refresh_token_makes_the_API_answer_401()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", "sheets.read");
        using var api = sandbox.NewApiClient();
        var before = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, SheetsPath, tokens.AccessToken!));

        var revocation = await SandboxTokens.RevokeAsync(sandbox, tokens.RefreshToken!, "refresh_token");
        var after = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, SheetsPath, tokens.AccessToken!));
        var refresh = await SandboxTokens.RefreshAsync(sandbox, tokens.RefreshToken!);

        // SEC-8
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.False(revocation.IsError, revocation.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("error=\"invalid_token\"", after.Headers.WwwAuthenticate.ToString());
        Assert.Equal("invalid_grant", refresh.Error);
    }

    [Fact]
    public async Task Revoking_the_access_token_makes_the_API_answer_401()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "riley@sandbox.test", "sheets.read");
        using var api = sandbox.NewApiClient();

        var revocation = await SandboxTokens.RevokeAsync(sandbox, tokens.AccessToken!, "access_token");
        var after = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, SheetsPath, tokens.AccessToken!));

        Assert.False(revocation.IsError, revocation.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("Bearer", after.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Revoking_an_unknown_token_still_answers_200_as_RFC_7009_requires()
    {
        var revocation = await SandboxTokens.RevokeAsync(sandbox, "not-a-token-the-sandbox-issued", "refresh_token");

        Assert.False(revocation.IsError, revocation.Error);
        Assert.Equal(HttpStatusCode.OK, revocation.HttpStatusCode);
    }
}
