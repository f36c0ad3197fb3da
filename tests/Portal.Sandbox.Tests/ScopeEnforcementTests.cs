using System.Net;
using System.Net.Http.Json;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests;

public sealed class ScopeEnforcementTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_token_with_only_sheets_read_gets_403_insufficient_scope_on_append()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", "sheets.read");
        using var api = sandbox.NewApiClient();
        var sheetId = await FirstSheetIdAsync(api, tokens.AccessToken!);

        var append = await api.SendAsync(SandboxTokens.Bearer(
            HttpMethod.Post, $"/api/sheets/v1/spreadsheets/{sheetId}/rows", tokens.AccessToken!, JsonContent.Create(new { Month = "March" })));
        var read = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, $"/api/sheets/v1/spreadsheets/{sheetId}/rows", tokens.AccessToken!));

        Assert.Equal(HttpStatusCode.Forbidden, append.StatusCode);
        Assert.Contains("error=\"insufficient_scope\"", append.Headers.WwwAuthenticate.ToString());
        Assert.Contains("scope=\"sheets.write\"", append.Headers.WwwAuthenticate.ToString());
        Assert.Contains("sheets.write", await append.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_mail_read_token_cannot_send_mail()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "riley@sandbox.test", "mail.read");
        using var api = sandbox.NewApiClient();

        var send = await api.SendAsync(SandboxTokens.Bearer(
            HttpMethod.Post, "/api/mail/v1/messages", tokens.AccessToken!, JsonContent.Create(new { to = "sam@sandbox.test", subject = "x" })));
        var list = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/mail/v1/messages", tokens.AccessToken!));

        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        Assert.Contains("error=\"insufficient_scope\"", send.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_with_a_bearer_challenge()
    {
        using var api = sandbox.NewApiClient();

        var response = await api.GetAsync("/api/sheets/v1/spreadsheets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("/api/sheets/v1/spreadsheets")]
    [InlineData("/api/mail/v1/messages")]
    [InlineData("/api/echo/anything")]
    public async Task A_made_up_token_gets_401_invalid_token(string path)
    {
        using var api = sandbox.NewApiClient();

        var response = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, path, "made-up-token-0123456789abcdef"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Asking_for_a_scope_the_sandbox_does_not_know_is_refused_before_login()
    {
        using var browser = sandbox.NewBrowser();

        var response = await browser.Http.GetAsync(BrowserSession.AuthorizeUrl("sheets.read drive.everything", "s", Pkce.Create()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("scope", await response.Content.ReadAsStringAsync());
    }

    internal static async Task<int> FirstSheetIdAsync(HttpClient api, string accessToken)
    {
        var list = await api.SendAsync(SandboxTokens.Bearer(HttpMethod.Get, "/api/sheets/v1/spreadsheets", accessToken));
        var json = await list.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return json.GetProperty("spreadsheets")[0].GetProperty("id").GetInt32();
    }
}
