using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Connections.Data;
using Portal.Connections.OAuth;
using Portal.Connections.Security;
using Portal.Connections.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Portal.Connections.Tests;

public sealed class OAuthFlowTests : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly TestEngine _engine;

    public OAuthFlowTests() => _engine = TestEngine.Create([_provider.Url]);

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }

    [Fact]
    public async Task Google_style_consent_sends_offline_params_and_pkce_and_stores_the_tokens()
    {
        // SEC-1
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "sheets", scopes: ["sheets", "email"]);
        _provider.OnToken("authorization_code", 200, """{"access_token":"ya29.A","refresh_token":"1//R1","expires_in":3599,"scope":"sheets email","token_type":"Bearer"}""");

        var (start, query) = await Consent.StartAsync(_engine, "sheets");
        var completion = await _engine.Flow.CompleteAsync(new OAuthCallback(query["state"], "code-1", _provider.Url, null, null), TestEngine.Owner, start.BrowserBinding);

        Assert.True(completion.Succeeded, completion.Message);
        Assert.Equal("offline", query["access_type"]);
        Assert.Equal("consent", query["prompt"]);
        Assert.Equal("sheets email", query["scope"]);
        Assert.Equal(TestEngine.RedirectUri, query["redirect_uri"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].Length);
        Assert.True(query["state"].Length >= 22, "state must carry at least 128 bits");
        var body = QueryHelpers.ParseQuery(_provider.TokenCalls("authorization_code").Single().RequestMessage.Body!);
        var verifier = body["code_verifier"].ToString();
        Assert.Equal(43, verifier.Length);
        Assert.Equal(query["code_challenge"], Hashing.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        Assert.Equal(TestEngine.RedirectUri, body["redirect_uri"].ToString());
        var row = await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner);
        Assert.Equal(AuthorizationStatus.Connected, row!.Status);
        Assert.Equal("ya29.A", _engine.Decrypt(SecretKind.AccessToken, row));
        Assert.Equal("1//R1", _engine.Decrypt(SecretKind.RefreshToken, row));
        Assert.Equal(_engine.Time.GetUtcNow().AddSeconds(3599), row.ExpiresAt);
        Assert.Contains(_engine.Audit.Events, e => e.Type == ConnectionsAuditEventTypes.ConnectionAuthorized && e.ConnectionLinkName == "sheets");
    }

    [Fact]
    public async Task GitHub_style_non_expiring_token_is_read_as_json_and_never_refreshed()
    {
        await _engine.AddServiceAsync(TestServices.GitHubStyle(_provider));
        await _engine.CreateConnectionAsync("fake_github", "gh");
        // GitHub answers form-encoded unless the client asks for JSON.
        _provider.Server.Given(Request.Create().WithPath("/token").UsingPost().WithHeader("Accept", "*application/json*")).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"access_token":"gho_A","token_type":"bearer","scope":"repo,read:user"}"""));
        _provider.Server.Given(Request.Create().WithPath("/token").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/x-www-form-urlencoded").WithBody("access_token=gho_A&scope=repo&token_type=bearer"));

        var completion = await Consent.RunAsync(_engine, "gh");
        var row = await _engine.ReadAuthorizationAsync("gh", TestEngine.Owner);
        _engine.Time.Advance(TimeSpan.FromDays(400));
        var token = await _engine.Refresher.GetAccessTokenAsync(row!.Id);

        Assert.True(completion.Succeeded, completion.Message);
        Assert.Null(row.ExpiresAt);
        Assert.Equal(["repo", "read:user"], CatalogTestsHelpers.Scopes(row));
        Assert.Equal("gho_A", token);
        Assert.Single(_provider.Calls("/token"));
    }

    [Fact]
    public async Task Slack_style_uses_comma_scopes_without_pkce_and_ok_false_stores_nothing()
    {
        // SEC-6
        await _engine.AddServiceAsync(TestServices.SlackStyle(_provider));
        await _engine.CreateConnectionAsync("fake_slack", "slack");
        _provider.OnToken("authorization_code", 200, """{"ok":false,"error":"invalid_code"}""");

        var (start, query) = await Consent.StartAsync(_engine, "slack");
        var completion = await _engine.Flow.CompleteAsync(new OAuthCallback(query["state"], "bad", null, null, null), TestEngine.Owner, start.BrowserBinding);

        Assert.Equal("chat:write,channels:read", query["scope"]);
        Assert.False(query.ContainsKey("code_challenge"));
        Assert.False(QueryHelpers.ParseQuery(_provider.Calls("/token").Single().RequestMessage.Body!).ContainsKey("code_verifier"));
        Assert.False(completion.Succeeded);
        Assert.Contains("invalid_code", completion.Message);
        Assert.Contains("Nothing was stored", completion.Message);
        Assert.Null(await _engine.ReadAuthorizationAsync("slack", TestEngine.Owner));
    }

    [Fact]
    public async Task Slack_style_success_records_comma_granted_scopes_and_team()
    {
        await _engine.AddServiceAsync(TestServices.SlackStyle(_provider));
        await _engine.CreateConnectionAsync("fake_slack", "slack");
        _provider.OnToken("authorization_code", 200, """{"ok":true,"access_token":"xoxb-1","token_type":"bot","scope":"chat:write,channels:read","team":{"id":"T1","name":"Acme"}}""");

        var completion = await Consent.RunAsync(_engine, "slack");
        var row = await _engine.ReadAuthorizationAsync("slack", TestEngine.Owner);

        Assert.True(completion.Succeeded, completion.Message);
        Assert.Equal(["chat:write", "channels:read"], CatalogTestsHelpers.Scopes(row!));
        Assert.Equal("Acme", row!.ProviderAccount);
    }

    [Fact]
    public async Task Zoho_style_joins_scopes_with_commas_and_injects_its_own_header_format()
    {
        await _engine.AddServiceAsync(TestServices.ZohoStyle(_provider));
        await _engine.CreateConnectionAsync("fake_zoho", "zcrm");
        _provider.OnToken("authorization_code", 200, """{"access_token":"1000.zoho","refresh_token":"1000.r","expires_in":3600,"api_domain":"https://www.zohoapis.com","token_type":"Bearer"}""");
        _provider.OnApi("/api/crm/v8/org");

        var (start, query) = await Consent.StartAsync(_engine, "zcrm");
        await _engine.Flow.CompleteAsync(new OAuthCallback(query["state"], "c", null, null, null), TestEngine.Owner, start.BrowserBinding);
        using var request = new HttpRequestMessage(HttpMethod.Get, _provider.ApiBase + "crm/v8/org").UseConnectionFor("zcrm", TestEngine.Owner);
        using var response = await _engine.InvokeClient().SendAsync(request);

        Assert.Equal("ZohoCRM.modules.ALL,ZohoCRM.users.READ", query["scope"]);
        Assert.Equal("offline", query["access_type"]);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Zoho-oauthtoken 1000.zoho", _provider.Calls("/api/crm/v8/org").Single().RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task The_api_domain_of_a_zoho_style_token_response_is_remembered_on_the_authorization()
    {
        await _engine.AddServiceAsync(TestServices.ZohoStyle(_provider));
        await _engine.CreateConnectionAsync("fake_zoho", "zcrm_domain");
        _provider.OnToken("authorization_code", 200, """{"access_token":"1000.zoho","refresh_token":"1000.r","expires_in":3600,"api_domain":"https://www.zohoapis.eu","token_type":"Bearer"}""");

        var completion = await Consent.RunAsync(_engine, "zcrm_domain");
        var row = await _engine.ReadAuthorizationAsync("zcrm_domain", TestEngine.Owner);

        Assert.True(completion.Succeeded, completion.Message);
        Assert.Equal("https://www.zohoapis.eu", row!.ApiDomain);
    }

    [Theory]
    [InlineData("\"javascript:alert(1)\"")]
    [InlineData("\"not a url\"")]
    [InlineData("42")]
    public async Task An_api_domain_that_is_not_an_http_origin_is_ignored(string apiDomain)
    {
        await _engine.AddServiceAsync(TestServices.ZohoStyle(_provider));
        await _engine.CreateConnectionAsync("fake_zoho", "zcrm_bad");
        _provider.OnToken("authorization_code", 200, $$"""{"access_token":"1000.zoho","expires_in":3600,"api_domain":{{apiDomain}}}""");

        var completion = await Consent.RunAsync(_engine, "zcrm_bad");
        var row = await _engine.ReadAuthorizationAsync("zcrm_bad", TestEngine.Owner);

        Assert.True(completion.Succeeded, completion.Message);
        Assert.Null(row!.ApiDomain);
    }

    [Fact]
    public async Task Replayed_state_is_rejected_without_a_second_token_request()
    {
        // SEC-2
        await SetUpGoogleAsync();
        var (start, query) = await Consent.StartAsync(_engine, "sheets");
        var callback = new OAuthCallback(query["state"], "code-1", null, null, null);

        var first = await _engine.Flow.CompleteAsync(callback, TestEngine.Owner, start.BrowserBinding);
        var replay = await _engine.Flow.CompleteAsync(callback, TestEngine.Owner, start.BrowserBinding);

        Assert.True(first.Succeeded, first.Message);
        Assert.False(replay.Succeeded);
        Assert.Contains("already used", replay.Message);
        Assert.Single(_provider.TokenCalls("authorization_code"));
    }

    [Fact]
    public async Task Expired_state_is_rejected_without_a_token_request()
    {
        // SEC-2
        await SetUpGoogleAsync();
        var (start, query) = await Consent.StartAsync(_engine, "sheets");
        _engine.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var result = await _engine.Flow.CompleteAsync(new OAuthCallback(query["state"], "code-1", null, null, null), TestEngine.Owner, start.BrowserBinding);

        Assert.False(result.Succeeded);
        Assert.Contains("expired", result.Message);
        Assert.Empty(_provider.Calls("/token"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("forged-state-value")]
    public async Task Missing_or_unknown_state_is_rejected_without_a_token_request(string? state)
    {
        // SEC-2
        await SetUpGoogleAsync();
        var (start, _) = await Consent.StartAsync(_engine, "sheets");

        var result = await _engine.Flow.CompleteAsync(new OAuthCallback(state, "code-1", null, null, null), TestEngine.Owner, start.BrowserBinding);

        Assert.False(result.Succeeded);
        Assert.Empty(_provider.Calls("/token"));
    }

    [Fact]
    public async Task Other_users_state_is_rejected_without_a_token_request()
    {
        // SEC-2 / SEC-3
        await SetUpGoogleAsync();
        var (start, query) = await Consent.StartAsync(_engine, "sheets");

        var result = await _engine.Flow.CompleteAsync(new OAuthCallback(query["state"], "code-1", null, null, null), "user-b", start.BrowserBinding);

        Assert.False(result.Succeeded);
        Assert.Contains("different portal user", result.Message);
        Assert.Empty(_provider.Calls("/token"));
        Assert.Null(await _engine.ReadAuthorizationAsync("sheets", "user-b"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("another-browser-binding-value-of-43-chars-x")]
    public async Task Callback_from_another_browser_is_rejected_without_a_token_request(string? binding)
    {
        // SEC-3
        await SetUpGoogleAsync();
        var (_, query) = await Consent.StartAsync(_engine, "sheets");

        var result = await _engine.Flow.CompleteAsync(new OAuthCallback(query["state"], "code-1", null, null, null), TestEngine.Owner, binding);

        Assert.False(result.Succeeded);
        Assert.Contains("different browser", result.Message);
        Assert.Empty(_provider.Calls("/token"));
    }

    [Fact]
    public async Task Wrong_issuer_is_rejected_without_a_token_request()
    {
        // SEC-4
        await SetUpGoogleAsync();
        var (start, query) = await Consent.StartAsync(_engine, "sheets");

        var result = await _engine.Flow.CompleteAsync(new OAuthCallback(query["state"], "code-1", "https://attacker.example", null, null), TestEngine.Owner, start.BrowserBinding);

        Assert.False(result.Succeeded);
        Assert.Contains("issuer mismatch", result.Message);
        Assert.Empty(_provider.Calls("/token"));
    }

    [Fact]
    public async Task Matching_issuer_is_accepted()
    {
        // SEC-4
        await SetUpGoogleAsync();

        var result = await Consent.RunAsync(_engine, "sheets", iss: _provider.Url);

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public async Task Declined_consent_says_so_and_stores_nothing()
    {
        await SetUpGoogleAsync();
        var (start, query) = await Consent.StartAsync(_engine, "sheets");

        var result = await _engine.Flow.CompleteAsync(new OAuthCallback(query["state"], null, null, "access_denied", null), TestEngine.Owner, start.BrowserBinding);

        Assert.False(result.Succeeded);
        Assert.Contains("consent was declined", result.Message);
        Assert.Empty(_provider.Calls("/token"));
    }

    [Fact]
    public async Task A_declined_consent_message_gives_no_window_advice_so_the_wizard_can_add_its_own_once()
    {
        await SetUpGoogleAsync();
        var (start, query) = await Consent.StartAsync(_engine, "sheets");

        var result = await _engine.Flow.CompleteAsync(new OAuthCallback(query["state"], null, null, "access_denied", null), TestEngine.Owner, start.BrowserBinding);

        Assert.Equal("The connection was not authorized: consent was declined.", result.Message);
    }

    [Theory]
    [InlineData(200, "<html><body>Login</body></html>", "text/html")]
    [InlineData(200, """{"token_type":"Bearer","expires_in":3600}""", "application/json")]
    [InlineData(200, """{"access_token":""}""", "application/json")]
    [InlineData(400, """{"error":"invalid_grant","error_description":"Bad code"}""", "application/json")]
    [InlineData(500, "oops", "text/plain")]
    [InlineData(200, "[1,2,3]", "application/json")]
    public async Task Junk_token_responses_store_nothing_and_explain(int status, string body, string contentType)
    {
        // SEC-6
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "sheets");
        _provider.OnToken("authorization_code", status, body, contentType);

        var result = await Consent.RunAsync(_engine, "sheets");

        Assert.False(result.Succeeded);
        Assert.Contains("did not issue a token", result.Message);
        Assert.Null(await _engine.ReadAuthorizationAsync("sheets", TestEngine.Owner));
    }

    [Fact]
    public async Task Only_the_owner_may_start_consent_for_an_owner_credentials_connection()
    {
        await SetUpGoogleAsync();

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Flow.StartAsync("sheets", "user-b", TestEngine.RedirectUri));
        var missing = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Flow.StartAsync("nope", "user-b", TestEngine.RedirectUri));

        // SEC-33: someone else's owner-mode connection reads like a missing one.
        Assert.Equal(ConnectionsErrorKind.NotFound, ex.Kind);
        Assert.Equal(missing.Message.Replace("'nope'", "'sheets'", StringComparison.Ordinal), ex.Message);
    }

    private async Task SetUpGoogleAsync()
    {
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "sheets");
        _provider.OnToken("authorization_code", 200, """{"access_token":"ya29.A","refresh_token":"1//R1","expires_in":3599}""");
    }
}
