using System.Net;
using System.Text;
using Portal.Connections.Credentials;
using Portal.Connections.Data;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public sealed class CredentialInjectionTests : IDisposable
{
    private const string TokenUrl = "https://auth.example.com/token";
    private readonly ScriptedHandler _network;
    private readonly TestEngine _engine;
    private Func<HttpRequestMessage, HttpResponseMessage> _respond = _ => new HttpResponseMessage(HttpStatusCode.OK);

    public CredentialInjectionTests()
    {
        _network = new ScriptedHandler(r => r.RequestUri!.AbsoluteUri == TokenUrl
            ? Json("""{"access_token":"new-token","expires_in":3600}""")
            : _respond(r));
        _engine = TestEngine.Create(network: () => _network);
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task Allowed_url_receives_the_bearer_token()
    {
        // SEC-12
        await SeedAsync();

        using var response = await SendAsync("https://api.example.com/v1/items?x=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer tok-1", ApiCalls().Single().Authorization);
    }

    [Theory]
    [InlineData("https://api.example.com.evil.net/v1/items")]
    [InlineData("https://evil.net/api.example.com/v1/")]
    [InlineData("https://api.example.com/v2/items")]
    [InlineData("https://api.example.com/v1")]
    [InlineData("http://api.example.com/v1/items")]
    [InlineData("https://api.example.com:8443/v1/items")]
    [InlineData("https://user@api.example.com/v1/items")]
    public async Task Url_outside_the_allowed_base_urls_gets_nothing(string url)
    {
        // SEC-12
        await SeedAsync();

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => SendAsync(url));

        Assert.Equal(ConnectionsErrorKind.UrlNotAllowed, ex.Kind);
        Assert.Contains("ex", ex.Message);
        Assert.Empty(_network.Received);
    }

    [Fact]
    public async Task Redirect_to_another_origin_strips_the_credential()
    {
        // SEC-13
        await SeedAsync();
        _respond = r => r.RequestUri!.Host == "api.example.com" ? Redirect("https://files.other.net/blob/1") : new HttpResponseMessage(HttpStatusCode.OK);

        using var response = await SendAsync("https://api.example.com/v1/download", cookie: "session=abc");

        var calls = _network.Received.ToList();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, calls.Count);
        Assert.Equal("Bearer tok-1", calls[0].Authorization);
        Assert.Equal("files.other.net", calls[1].Url.Host);
        Assert.Null(calls[1].Authorization);
        Assert.False(calls[1].Headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task Credential_is_not_restored_when_a_redirect_chain_returns_to_the_api()
    {
        // SEC-13
        await SeedAsync();
        _respond = r => r.RequestUri!.AbsolutePath switch
        {
            "/v1/start" => Redirect("https://bounce.other.net/x"),
            "/x" => Redirect("https://api.example.com/v1/end"),
            _ => new HttpResponseMessage(HttpStatusCode.OK),
        };

        using var response = await SendAsync("https://api.example.com/v1/start");

        var calls = _network.Received.ToList();
        Assert.Equal(3, calls.Count);
        Assert.NotNull(calls[0].Authorization);
        Assert.Null(calls[1].Authorization);
        Assert.Null(calls[2].Authorization);
    }

    [Fact]
    public async Task Same_origin_redirect_inside_the_allowed_path_keeps_the_credential()
    {
        // SEC-13
        await SeedAsync();
        _respond = r => r.RequestUri!.AbsolutePath == "/v1/old" ? Redirect("/v1/new") : new HttpResponseMessage(HttpStatusCode.OK);

        using var response = await SendAsync("https://api.example.com/v1/old");

        Assert.All(_network.Received, c => Assert.Equal("Bearer tok-1", c.Authorization));
        Assert.Equal(2, _network.Received.Count);
    }

    [Fact]
    public async Task Https_to_http_downgrade_is_refused()
    {
        // SEC-13
        await SeedAsync();
        _respond = _ => Redirect("http://api.example.com/v1/plain");

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync("https://api.example.com/v1/secure"));

        Assert.Contains("plain http", ex.Message);
        Assert.Single(_network.Received);
    }

    [Fact]
    public async Task More_than_five_redirects_are_refused()
    {
        // SEC-13
        await SeedAsync();
        var n = 0;
        _respond = _ => Redirect($"https://api.example.com/v1/hop{++n}");

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync("https://api.example.com/v1/hop0"));

        Assert.Contains("5 redirects", ex.Message);
        Assert.Equal(6, _network.Received.Count);
    }

    [Fact]
    public async Task Unauthorized_response_triggers_one_refresh_and_one_retry()
    {
        // SEC-14
        await SeedAsync();
        _respond = r => r.Headers.Authorization?.Parameter == "new-token" ? new HttpResponseMessage(HttpStatusCode.OK) : new HttpResponseMessage(HttpStatusCode.Unauthorized);

        using var response = await SendAsync("https://api.example.com/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer tok-1", "Bearer new-token"], ApiCalls().Select(c => c.Authorization));
        Assert.Single(_network.Received, c => c.Url.AbsoluteUri == TokenUrl);
    }

    [Fact]
    public async Task Second_unauthorized_response_is_returned_without_looping()
    {
        // SEC-14
        await SeedAsync();
        _respond = _ => new HttpResponseMessage(HttpStatusCode.Unauthorized);

        using var response = await SendAsync("https://api.example.com/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, ApiCalls().Count);
        Assert.Single(_network.Received, c => c.Url.AbsoluteUri == TokenUrl);
    }

    [Fact]
    public async Task Shared_connection_user_without_authorization_gets_an_error_and_the_target_gets_nothing()
    {
        // SEC-10
        await SeedAsync(ConnectionMode.LoginUserCredentials);

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => SendAsync("https://api.example.com/v1/me", user: "user-b"));

        Assert.Equal(ConnectionsErrorKind.NotAuthorized, ex.Kind);
        Assert.Contains("'ex'", ex.Message);
        // What fixes it, as data: the runner connects with their own account (the host words it and names its page).
        Assert.Equal(new ConnectionProblem(ConnectionsErrorKind.NotAuthorized, ConnectionRemedy.Connect) { LinkName = "ex", Actor = ConnectionActor.Reader, Shared = true }, ex.Problem);
        Assert.DoesNotContain("/connections", ex.Message);
        Assert.Empty(_network.Received);
    }

    [Fact]
    public async Task Shared_connection_uses_each_runners_own_token()
    {
        // SEC-10
        await SeedAsync(ConnectionMode.LoginUserCredentials);
        await _engine.SeedTokensAsync("ex", "user-b", "tok-b", null, null);

        using var a = await SendAsync("https://api.example.com/v1/me");
        using var b = await SendAsync("https://api.example.com/v1/me", user: "user-b");

        Assert.Equal(["Bearer tok-1", "Bearer tok-b"], ApiCalls().Select(c => c.Authorization));
    }

    [Fact]
    public async Task Owner_credentials_connection_uses_the_owners_token_for_every_runner_of_the_owners_code()
    {
        // SEC-10, SEC-33
        await SeedAsync();
        var ownersCode = ConnectionUseContext.ForRun("user-b", new CodeAuthorship(TestEngine.Owner, TestEngine.Owner, "function report"));

        using var response = await _engine.InvokeClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1/me").UseConnection("ex", ownersCode));

        Assert.Equal("Bearer tok-1", ApiCalls().Single().Authorization);
    }

    [Fact]
    public async Task Someone_elses_code_cannot_use_an_owner_credentials_connection_and_nothing_is_sent()
    {
        // SEC-33
        await SeedAsync();

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => SendAsync("https://api.example.com/v1/me", user: "user-b"));

        Assert.Equal(ConnectionsErrorKind.Forbidden, ex.Kind);
        Assert.Contains("Connection 'ex' cannot be used here", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_network.Received);
    }

    [Fact]
    public async Task The_refusal_reads_the_same_for_a_missing_connection_and_for_a_url_outside_the_service()
    {
        // SEC-33: no link-name oracle, and nothing about the connection (its API hosts) shows before use is allowed.
        await SeedAsync();

        var existing = await Assert.ThrowsAsync<ConnectionsException>(() => SendAsync("https://elsewhere.example.org/x", user: "user-b"));
        var missing = await Assert.ThrowsAsync<ConnectionsException>(() =>
            _engine.InvokeClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://elsewhere.example.org/x").UseConnectionFor("nope", "user-b")));

        Assert.Equal(existing.Kind, missing.Kind);
        Assert.Equal(existing.Message, missing.Message.Replace("'nope'", "'ex'", StringComparison.Ordinal));
        Assert.DoesNotContain("api.example.com", existing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grant_lets_the_grantees_code_use_it_until_the_code_was_changed_by_someone_without_the_grant()
    {
        // SEC-33
        await SeedAsync();
        await _engine.GrantUseAsync("ex", "user-b");
        var granteesCode = ConnectionUseContext.ForRun("user-c", new CodeAuthorship("user-b", "user-b", "function b"));
        var changedByOther = ConnectionUseContext.ForRun("user-c", new CodeAuthorship("user-b", "user-c", "function b"));

        using var allowed = await _engine.InvokeClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1/me").UseConnection("ex", granteesCode));
        var refused = await Assert.ThrowsAsync<ConnectionsException>(() =>
            _engine.InvokeClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1/me").UseConnection("ex", changedByOther)));

        Assert.Equal("Bearer tok-1", ApiCalls().Single().Authorization);
        Assert.Equal(ConnectionsErrorKind.Forbidden, refused.Kind);
    }

    [Fact]
    public async Task Code_called_later_in_the_run_counts_too()
    {
        // SEC-33: a helper of someone without the grant joins the run, and the connection is refused from then on.
        await SeedAsync();
        var run = ConnectionUseContext.ForRun(TestEngine.Owner, new CodeAuthorship(TestEngine.Owner, TestEngine.Owner, "function report"));
        using var before = await _engine.InvokeClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1/me").UseConnection("ex", run));

        run.AddCode(new CodeAuthorship("user-b", "user-b", "function helper (owner b)"));
        var after = await Assert.ThrowsAsync<ConnectionsException>(() =>
            _engine.InvokeClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://api.example.com/v1/me").UseConnection("ex", run)));

        Assert.Single(ApiCalls());
        Assert.Contains("function helper (owner b)", after.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_parameter_placement_puts_the_token_in_the_url_and_redacts_it_from_the_trace()
    {
        await _engine.AddServiceAsync(TestServices.ExampleApi(TokenUrl) with
        {
            TokenPlacement = new Catalog.TokenPlacement { Location = Catalog.CredentialLocation.Query, QueryParameter = "access_token" },
        });
        await _engine.CreateConnectionAsync("example", "ex");
        await _engine.SeedTokensAsync("ex", TestEngine.Owner, "tok-1", null, null);
        var trace = new List<HttpCallTrace>();

        using var response = await SendAsync("https://api.example.com/v1/me?a=b", trace: trace);

        Assert.Equal("?a=b&access_token=tok-1", ApiCalls().Single().Url.Query);
        Assert.Null(ApiCalls().Single().Authorization);
        Assert.DoesNotContain("tok-1", trace.Single().Url);
        Assert.True(trace.Single().CredentialSent);
    }

    private async Task SeedAsync(ConnectionMode mode = ConnectionMode.OwnerCredentials)
    {
        await _engine.AddServiceAsync(TestServices.ExampleApi(TokenUrl));
        await _engine.CreateConnectionAsync("example", "ex", mode);
        await _engine.SeedTokensAsync("ex", TestEngine.Owner, "tok-1", "refresh-1", _engine.Time.GetUtcNow().AddHours(1));
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string user = TestEngine.Owner, string? cookie = null, IList<HttpCallTrace>? trace = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url).UseConnectionFor("ex", user, trace);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await _engine.InvokeClient().SendAsync(request);
    }

    private List<ReceivedRequest> ApiCalls() => [.. _network.Received.Where(c => c.Url.AbsoluteUri != TokenUrl)];

    private static HttpResponseMessage Redirect(string location) =>
        new(HttpStatusCode.Found) { Headers = { Location = new Uri(location, UriKind.RelativeOrAbsolute) } };

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
