using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Sandbox.Tests.Infrastructure;

namespace Portal.Sandbox.Tests.Crm;

public sealed class CrmAccessTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_request_without_a_token_gets_401_invalid_token_in_zoho_shape()
    {
        using var crm = new CrmCalls(sandbox, "unused");

        var (status, body) = await crm.SendAsync(HttpMethod.Get, "Leads", content: null, scheme: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("""{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}""", body.GetRawText());
    }

    [Theory]
    [InlineData("Zoho-oauthtoken")]
    [InlineData("Bearer")]
    public async Task A_made_up_token_gets_401_invalid_token_with_either_header_scheme(string scheme)
    {
        using var crm = new CrmCalls(sandbox, "made-up-token-0123456789abcdef");

        var (status, body) = await crm.SendAsync(HttpMethod.Get, "Leads", content: null, scheme);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("INVALID_TOKEN", body.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("Zoho-oauthtoken")]
    [InlineData("Bearer")]
    public async Task A_valid_token_is_accepted_as_zoho_oauthtoken_and_as_bearer(string scheme)
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);
        using var crm = new CrmCalls(sandbox, tokens.AccessToken!);

        var (status, body) = await crm.SendAsync(HttpMethod.Get, "Accounts", content: null, scheme);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_read_scope_token_reads_but_cannot_create_update_or_delete()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "riley@sandbox.test", CrmCalls.ReadScope);
        var (_, leads) = await crm.GetAsync("Leads?per_page=1");
        var id = leads.GetProperty("data")[0].GetProperty("id").GetString();

        var create = await crm.SendAsync(HttpMethod.Post, "Leads", new { data = new[] { new { Last_Name = "Blocked" } } });
        var update = await crm.SendAsync(HttpMethod.Put, "Leads/" + id, new { data = new[] { new { Last_Name = "Blocked" } } });
        var delete = await crm.SendAsync(HttpMethod.Delete, "Leads/" + id);
        var (after, stillThere) = await crm.GetAsync("Leads/" + id);

        Assert.All([create, update, delete], answer =>
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
            Assert.Equal("""{"code":"OAUTH_SCOPE_MISMATCH","details":{},"message":"invalid oauth scope to access this URL","status":"error"}""", answer.Body.GetRawText());
        });
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.NotEqual("Blocked", stillThere.GetProperty("data")[0].GetProperty("Last_Name").GetString());
    }

    [Fact]
    public async Task A_token_without_crm_scopes_gets_oauth_scope_mismatch()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", "sheets.read");

        var (status, body) = await crm.GetAsync("Leads");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("OAUTH_SCOPE_MISMATCH", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_revoked_token_gets_invalid_token_at_once()
    {
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.AllScope);
        using var crm = new CrmCalls(sandbox, tokens.AccessToken!);

        await SandboxTokens.RevokeAsync(sandbox, tokens.RefreshToken!, "refresh_token");
        var (status, body) = await crm.GetAsync("Leads");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("INVALID_TOKEN", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Token_responses_carry_api_domain_next_to_account_on_exchange_refresh_and_client_credentials()
    {
        var expected = sandbox.Url.GetLeftPart(UriPartial.Authority);
        var tokens = await SandboxTokens.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.AllScope);
        var refreshed = await SandboxTokens.RefreshAsync(sandbox, tokens.RefreshToken!);
        using var api = sandbox.NewApiClient();
        var clientCredentials = await api.PostAsync(SandboxCatalog.TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = SandboxFixture.ClientId,
            ["client_secret"] = SandboxFixture.ClientSecret,
            ["scope"] = CrmCalls.ReadScope,
        }));
        var clientJson = await clientCredentials.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(expected, tokens.Json?.GetProperty("api_domain").GetString());
        Assert.False(expected.EndsWith('/'));
        Assert.Equal("sam@sandbox.test", tokens.Json?.GetProperty("account").GetString());
        Assert.Equal(expected, refreshed.Json?.GetProperty("api_domain").GetString());
        Assert.Equal(expected, clientJson.GetProperty("api_domain").GetString());
    }

    [Fact]
    public async Task Current_user_names_the_tokens_sandbox_account()
    {
        using var sam = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);
        using var riley = await CrmCalls.ForUserAsync(sandbox, "riley@sandbox.test", CrmCalls.AllScope);

        var (samStatus, samBody) = await sam.GetAsync("users?type=CurrentUser");
        var (_, rileyBody) = await riley.GetAsync("users?type=CurrentUser");

        Assert.Equal(HttpStatusCode.OK, samStatus);
        var samUser = Assert.Single(samBody.GetProperty("users").EnumerateArray());
        var rileyUser = Assert.Single(rileyBody.GetProperty("users").EnumerateArray());
        Assert.Equal("Sam Rivera", samUser.GetProperty("full_name").GetString());
        Assert.Equal("sam@sandbox.test", samUser.GetProperty("email").GetString());
        Assert.Equal("active", samUser.GetProperty("status").GetString());
        Assert.Equal("Riley Chen", rileyUser.GetProperty("full_name").GetString());
        Assert.NotEqual(samUser.GetProperty("id").GetString(), rileyUser.GetProperty("id").GetString());
        Assert.Matches(@"^\d{19}$", samUser.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task An_unknown_path_under_crm_v8_answers_invalid_url_pattern()
    {
        using var crm = await CrmCalls.ForUserAsync(sandbox, "sam@sandbox.test", CrmCalls.ReadScope);

        var (status, body) = await crm.GetAsync("Leads/1/Deals/extra");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("INVALID_URL_PATTERN", body.GetProperty("code").GetString());
    }
}
