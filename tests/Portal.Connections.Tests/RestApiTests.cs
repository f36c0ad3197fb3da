using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Api;
using Portal.Connections.Catalog;
using Portal.Connections.Management;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public sealed class RestApiTests : IAsyncLifetime
{
    private readonly FakeProvider _provider = new();
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(_provider.Url);
        var catalog = _host.Services.GetRequiredService<ServiceCatalog>();
        await catalog.CreateCustomAsync(TestServices.GoogleStyle(_provider), "client-1", "secret-1", "admin");
        await catalog.CreateCustomAsync(TestServices.ApiKey(_provider.ApiBase), null, null, "admin");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _provider.Dispose();
    }

    [Theory]
    [InlineData("GET", "/api/v1/services")]
    [InlineData("POST", "/api/v1/services")]
    [InlineData("GET", "/api/v1/connections")]
    [InlineData("POST", "/api/v1/connections")]
    [InlineData("GET", "/api/v1/connections/x")]
    [InlineData("DELETE", "/api/v1/connections/x")]
    [InlineData("POST", "/api/v1/connections/x/authorize")]
    [InlineData("POST", "/api/v1/connections/x/revoke")]
    public async Task Every_endpoint_answers_401_without_a_token(string method, string path)
    {
        // SEC-30
        var client = _host.Browser("cookie-only-user");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Revoked_token_is_rejected()
    {
        // SEC-21
        _host.Users.Roles["u1"] = [ConnectionsRoles.User];
        var tokens = _host.Services.GetRequiredService<PersonalAccessTokenService>();
        var created = await tokens.CreateAsync("u1", "cli");
        await tokens.RevokeAsync("u1", created.Id);
        var client = _host.App.GetTestClientWithToken(created.Token);

        using var response = await client.GetAsync("/api/v1/services");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Services_are_listed_with_setup_status_and_without_secrets()
    {
        var client = await _host.ApiClientAsync("u1", ConnectionsRoles.User);

        var body = await client.GetStringAsync("/api/v1/services");
        var services = JsonNode.Parse(body)!.AsArray();

        Assert.Contains(services, s => s!["descriptor"]!["id"]!.GetValue<string>() == "github" && s["needsSetup"]!.GetValue<bool>());
        Assert.Contains(services, s => s!["descriptor"]!["id"]!.GetValue<string>() == "fake_google" && s["hasClientSecret"]!.GetValue<bool>());
        Assert.DoesNotContain("secret-1", body);
    }

    [Fact]
    public async Task Developer_creates_a_custom_service_and_a_user_may_not()
    {
        var dev = await _host.ApiClientAsync("dev", ConnectionsRoles.Developer);
        var user = await _host.ApiClientAsync("u1", ConnectionsRoles.User);
        var body = new CreateServiceRequest(TestServices.Basic("https://api.acme.test/", "acme"));

        using var created = await dev.PostAsync("/api/v1/services", Json(body));
        using var forbidden = await user.PostAsync("/api/v1/services", Json(body with { Service = body.Service with { Id = "acme2" } }));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Invalid_custom_service_returns_field_level_errors()
    {
        var dev = await _host.ApiClientAsync("dev", ConnectionsRoles.Developer);
        var body = new CreateServiceRequest(TestServices.Basic("http://api.acme.test/", "acme"));

        using var response = await dev.PostAsync("/api/v1/services", Json(body));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]!["allowedApiBaseUrls[0]"]);
    }

    [Fact]
    public async Task Connections_are_created_listed_and_read_by_their_owner()
    {
        var dev = await _host.ApiClientAsync("dev", ConnectionsRoles.Developer);

        using var created = await dev.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "My Sheets", ServiceId = "fake_google" }));
        var list = JsonNode.Parse(await dev.GetStringAsync("/api/v1/connections?scope=my"))!.AsArray();
        var details = JsonNode.Parse(await dev.GetStringAsync("/api/v1/connections/my_sheets"))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Single(list);
        Assert.Equal("my_sheets", details["summary"]!["linkName"]!.GetValue<string>());
        Assert.Equal("NotConnected", details["summary"]!["status"]!.GetValue<string>());
        Assert.Contains("connection: \"my_sheets\"", details["sampleInvokeUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task User_role_cannot_create_connections_and_bad_input_gets_field_errors()
    {
        var user = await _host.ApiClientAsync("u1", ConnectionsRoles.User);
        var dev = await _host.ApiClientAsync("dev", ConnectionsRoles.Developer);

        using var forbidden = await user.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "x", ServiceId = "fake_google" }));
        using var invalid = await dev.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "x", LinkName = "Bad-Name", ServiceId = "nope" }));
        var problem = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.NotNull(problem["errors"]!["linkName"]);
        Assert.NotNull(problem["errors"]!["serviceId"]);
    }

    [Fact]
    public async Task Other_users_connection_is_404_on_every_endpoint()
    {
        // SEC-30
        var dev = await _host.ApiClientAsync("dev", ConnectionsRoles.Developer);
        var other = await _host.ApiClientAsync("other", ConnectionsRoles.Developer);
        await dev.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "private", ServiceId = "fake_google" }));

        using var get = await other.GetAsync("/api/v1/connections/private");
        using var delete = await other.DeleteAsync("/api/v1/connections/private");
        using var authorize = await other.PostAsync("/api/v1/connections/private/authorize", null);
        using var revoke = await other.PostAsync("/api/v1/connections/private/revoke", null);
        var list = JsonNode.Parse(await other.GetStringAsync("/api/v1/connections"))!.AsArray();

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, authorize.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Empty(list);
    }

    [Fact]
    public async Task Shared_connection_is_visible_to_other_users_with_only_their_own_authorization()
    {
        // SEC-10 / SEC-30
        var dev = await _host.ApiClientAsync("dev", ConnectionsRoles.Developer);
        var user = await _host.ApiClientAsync("u1", ConnectionsRoles.User);
        await dev.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "team", ServiceId = "fake_apikey", Mode = Data.ConnectionMode.LoginUserCredentials }));
        await dev.PostAsync("/api/v1/connections/team/authorize", Json(new AuthorizeRequest(ApiKey: new() { ["X-Api-Key"] = "dev-key", ["api_token"] = "dev-q" })));

        var shared = JsonNode.Parse(await user.GetStringAsync("/api/v1/connections?scope=shared"))!.AsArray();
        var details = JsonNode.Parse(await user.GetStringAsync("/api/v1/connections/team"))!;
        using var delete = await user.DeleteAsync("/api/v1/connections/team");

        Assert.Single(shared);
        Assert.Equal("NotConnected", details["summary"]!["status"]!.GetValue<string>());
        Assert.Empty(details["authorizations"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public async Task Authorize_returns_a_browser_url_for_oauth_connections()
    {
        // SEC-3
        var dev = await _host.ApiClientAsync("dev", ConnectionsRoles.Developer);
        await dev.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "sheets", ServiceId = "fake_google" }));

        var body = JsonNode.Parse(await (await dev.PostAsync("/api/v1/connections/sheets/authorize", null)).Content.ReadAsStringAsync())!;

        Assert.Equal("http://localhost/connections/oauth/start?connection=sheets", body["authorizeUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Authorize_stores_api_keys_and_revoke_removes_them()
    {
        var dev = await _host.ApiClientAsync("dev", ConnectionsRoles.Developer);
        await dev.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "keyed", ServiceId = "fake_apikey" }));

        using var authorized = await dev.PostAsync("/api/v1/connections/keyed/authorize", Json(new AuthorizeRequest(ApiKey: new() { ["X-Api-Key"] = "k1", ["api_token"] = "q1" })));
        var afterAuthorize = JsonNode.Parse(await authorized.Content.ReadAsStringAsync())!;
        var revoked = JsonNode.Parse(await (await dev.PostAsync("/api/v1/connections/keyed/revoke", null)).Content.ReadAsStringAsync())!;
        var afterRevoke = JsonNode.Parse(await dev.GetStringAsync("/api/v1/connections/keyed"))!;

        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
        Assert.Equal("Connected", afterAuthorize["summary"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain("k1", afterAuthorize.ToJsonString());
        Assert.True(revoked["revoked"]!.GetValue<bool>());
        Assert.Equal("Revoked", afterRevoke["summary"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_warns_when_in_use_and_deletes_with_force()
    {
        var dev = await _host.ApiClientAsync("dev", ConnectionsRoles.Developer);
        await dev.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "used", ServiceId = "fake_google" }));
        _host.Usage.Usages["used"] = [new ConnectionUsage("syncLeads")];

        using var warned = await dev.DeleteAsync("/api/v1/connections/used");
        var warning = await warned.Content.ReadAsStringAsync();
        using var forced = await dev.DeleteAsync("/api/v1/connections/used?force=true");
        using var gone = await dev.GetAsync("/api/v1/connections/used");

        Assert.Equal(HttpStatusCode.Conflict, warned.StatusCode);
        Assert.Contains("syncLeads", warning);
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Admin_sees_every_connection()
    {
        var dev = await _host.ApiClientAsync("dev", ConnectionsRoles.Developer);
        var admin = await _host.ApiClientAsync("boss", ConnectionsRoles.Admin);
        await dev.PostAsync("/api/v1/connections", Json(new CreateConnectionRequest { Name = "private", ServiceId = "fake_google" }));

        var all = JsonNode.Parse(await admin.GetStringAsync("/api/v1/connections?scope=all"))!.AsArray();
        using var details = await admin.GetAsync("/api/v1/connections/private");

        Assert.Single(all);
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
    }

    private static StringContent Json(object value) =>
        new(JsonSerializer.Serialize(value, CatalogJson.Options), System.Text.Encoding.UTF8, "application/json");
}
