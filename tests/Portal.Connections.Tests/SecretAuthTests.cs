using System.Text;
using Portal.Connections.Credentials;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public sealed class SecretAuthTests : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly TestEngine _engine;

    public SecretAuthTests() => _engine = TestEngine.Create([_provider.Url]);

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
    }

    [Fact]
    public async Task Api_key_is_sent_as_header_and_query_parameter_and_redacted_in_the_trace()
    {
        await _engine.AddServiceAsync(TestServices.ApiKey(_provider.ApiBase));
        await _engine.CreateConnectionAsync("fake_apikey", "keyed");
        await _engine.Flow.AuthorizeWithApiKeyAsync("keyed", TestEngine.Owner, new Dictionary<string, string> { ["X-Api-Key"] = "key-123", ["api_token"] = "q-456" });
        _provider.OnApi("/api/items");
        var trace = new List<HttpCallTrace>();

        using var request = new HttpRequestMessage(HttpMethod.Get, _provider.ApiBase + "items").UseConnectionFor("keyed", TestEngine.Owner, trace);
        using var response = await _engine.InvokeClient().SendAsync(request);

        var call = _provider.Calls("/api/items").Single().RequestMessage;
        Assert.Equal("key-123", call.Headers!["X-Api-Key"].Single());
        Assert.Equal("q-456", call.Query!["api_token"].Single());
        Assert.DoesNotContain("q-456", trace.Single().Url);
    }

    [Fact]
    public async Task Basic_credentials_are_sent_as_an_authorization_header()
    {
        await _engine.AddServiceAsync(TestServices.Basic(_provider.ApiBase));
        await _engine.CreateConnectionAsync("fake_basic", "basic");
        await _engine.Flow.AuthorizeWithBasicAsync("basic", TestEngine.Owner, "alice", "s3cret");
        _provider.OnApi("/api/me");

        using var request = new HttpRequestMessage(HttpMethod.Get, _provider.ApiBase + "me").UseConnectionFor("basic", TestEngine.Owner);
        using var response = await _engine.InvokeClient().SendAsync(request);

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret"));
        Assert.Equal(expected, _provider.Calls("/api/me").Single().RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task Client_credentials_connection_is_authorized_by_fetching_a_token()
    {
        await _engine.AddServiceAsync(TestServices.ClientCredentials(_provider));
        await _engine.CreateConnectionAsync("fake_m2m", "m2m");
        _provider.OnToken("client_credentials", 200, """{"access_token":"m2m-token","expires_in":3600,"token_type":"Bearer"}""");
        _provider.OnApi("/api/data");

        await _engine.Flow.AuthorizeWithClientCredentialsAsync("m2m", TestEngine.Owner);
        using var request = new HttpRequestMessage(HttpMethod.Get, _provider.ApiBase + "data").UseConnectionFor("m2m", TestEngine.Owner);
        using var response = await _engine.InvokeClient().SendAsync(request);

        Assert.Contains("scope=read", _provider.TokenCalls("client_credentials").Single().RequestMessage.Body);
        Assert.Equal("Bearer m2m-token", _provider.Calls("/api/data").Single().RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task Client_credentials_rejected_by_the_provider_names_the_connection_and_the_fix()
    {
        await _engine.AddServiceAsync(TestServices.ClientCredentials(_provider));
        await _engine.CreateConnectionAsync("fake_m2m", "m2m");
        _provider.OnToken("client_credentials", 401, """{"error":"invalid_client"}""");

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() => _engine.Flow.AuthorizeWithClientCredentialsAsync("m2m", TestEngine.Owner));

        Assert.Equal(ConnectionsErrorKind.ServiceConfiguration, ex.Kind);
        Assert.Contains("'m2m'", ex.Message);
        Assert.Contains("client id and secret", ex.Message);
        Assert.Null(await _engine.ReadAuthorizationAsync("m2m", TestEngine.Owner));
    }
}
