using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests;

public abstract class ConnectionManagerCases : IDisposable
{
    private readonly FakeProvider _provider = new();
    private readonly TestEngine _engine;

    protected ConnectionManagerCases(TestDatabaseKind database)
    {
        Database = database;
        _engine = TestEngine.Create([_provider.Url], database: database);
    }

    protected TestDatabaseKind Database { get; }

    public void Dispose()
    {
        _engine.Dispose();
        _provider.Dispose();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("My Google Sheet!", "my_google_sheet")]
    [InlineData("  CRM -- Leads ", "crm_leads")]
    [InlineData("2024 reports", "c_2024_reports")]
    public void Link_name_is_derived_from_the_connection_name(string name, string expected)
    {
        var link = LinkNames.Derive(name);

        Assert.Equal(expected, link);
    }

    [Fact]
    public async Task Duplicate_link_name_is_a_field_error()
    {
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "sheets");

        var result = await _engine.Connections.CreateAsync(new CreateConnectionRequest { Name = "Sheets", ServiceId = "fake_google" }, TestEngine.Developer("dev-2"));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "linkName" && e.Message.Contains("is not available", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("another connection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_scope_and_service_needing_setup_are_rejected()
    {
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));

        var badScope = await _engine.Connections.CreateAsync(new CreateConnectionRequest { Name = "a", ServiceId = "fake_google", Scopes = ["admin"] }, TestEngine.Developer());
        var needsSetup = await _engine.Connections.CreateAsync(new CreateConnectionRequest { Name = "b", ServiceId = "github" }, TestEngine.Developer());

        Assert.Contains(badScope.Errors, e => e.Field == "scopes");
        Assert.Contains(needsSetup.Errors, e => e.Field == "serviceId" && e.Message.Contains("Needs setup: ", StringComparison.Ordinal) && e.Message.Contains("Ask an admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plain_users_cannot_create_connections()
    {
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));

        var ex = await Assert.ThrowsAsync<ConnectionsException>(() =>
            _engine.Connections.CreateAsync(new CreateConnectionRequest { Name = "a", ServiceId = "fake_google" }, TestEngine.PlainUser("u")));

        Assert.Equal(ConnectionsErrorKind.Forbidden, ex.Kind);
    }

    [Fact]
    public async Task Lists_split_into_my_shared_and_all_by_role()
    {
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "mine");
        await _engine.CreateConnectionAsync("fake_google", "team", ConnectionMode.LoginUserCredentials, owner: "dev-2");
        await _engine.CreateConnectionAsync("fake_google", "private", owner: "dev-2");

        var my = await _engine.Connections.ListAsync(TestEngine.Developer(), ConnectionListScope.My);
        var shared = await _engine.Connections.ListAsync(TestEngine.Developer(), ConnectionListScope.Shared);
        var all = await _engine.Connections.ListAsync(TestEngine.Developer(), ConnectionListScope.All);
        var adminAll = await _engine.Connections.ListAsync(TestEngine.AdminUser, ConnectionListScope.All);

        Assert.Equal(["mine"], my.Select(c => c.LinkName));
        Assert.Equal(["team"], shared.Select(c => c.LinkName));
        Assert.Equal(["mine", "team"], all.Select(c => c.LinkName).Order());
        Assert.Equal(3, adminAll.Count);
    }

    [Fact]
    public async Task Details_show_requested_and_granted_scopes_usage_and_no_secrets()
    {
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.CreateConnectionAsync("fake_google", "sheets", scopes: ["sheets", "email"]);
        await _engine.SeedTokensAsync("sheets", TestEngine.Owner, "secret-access", "secret-refresh", null);
        _engine.Usage.Usages["sheets"] = [new ConnectionUsage("syncLeads")];

        var details = await _engine.Connections.GetAsync("sheets", TestEngine.Developer());

        Assert.Equal(["sheets", "email"], details!.RequestedScopes);
        Assert.Equal(AuthorizationStatus.Connected, details.Summary.Status);
        Assert.Equal("syncLeads", details.UsedBy.Single().FunctionName);
        Assert.Equal("/connections/oauth/start?connection=sheets", details.AuthorizePath);
        Assert.DoesNotContain("secret-", System.Text.Json.JsonSerializer.Serialize(details));
    }

    [Fact]
    public async Task Reconnect_gives_the_consent_path_for_oauth_and_refetches_client_credentials()
    {
        await _engine.AddServiceAsync(TestServices.GoogleStyle(_provider));
        await _engine.AddServiceAsync(TestServices.ClientCredentials(_provider));
        await _engine.CreateConnectionAsync("fake_google", "sheets");
        await _engine.CreateConnectionAsync("fake_m2m", "m2m");
        _provider.OnToken("client_credentials", 200, """{"access_token":"m2m","expires_in":600}""");

        var oauth = await _engine.Connections.ReconnectAsync("sheets", TestEngine.Developer(), _engine.Flow);
        var m2m = await _engine.Connections.ReconnectAsync("m2m", TestEngine.Developer(), _engine.Flow);

        Assert.Equal("/connections/oauth/start?connection=sheets", oauth.BrowserPath);
        Assert.True(m2m.Completed);
        Assert.Equal(AuthorizationStatus.Connected, (await _engine.ReadAuthorizationAsync("m2m", TestEngine.Owner))!.Status);
    }

    [Fact]
    public async Task Api_401_for_a_token_without_refresh_is_returned_without_retry_and_keeps_the_connection()
    {
        // SEC-14
        await _engine.AddServiceAsync(TestServices.GitHubStyle(_provider));
        await _engine.CreateConnectionAsync("fake_github", "gh");
        await _engine.SeedTokensAsync("gh", TestEngine.Owner, "gho", null, null);
        _provider.OnApi("/api/user", 401);

        using var request = new HttpRequestMessage(HttpMethod.Get, _provider.ApiBase + "user").UseConnectionFor("gh", TestEngine.Owner);
        using var response = await _engine.InvokeClient().SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Single(_provider.Calls("/api/user"));
        Assert.Empty(_provider.Calls("/token"));
        Assert.Equal(AuthorizationStatus.Connected, (await _engine.ReadAuthorizationAsync("gh", TestEngine.Owner))!.Status);
    }
}

/// <summary>The cases above on SQLite.</summary>
public sealed class ConnectionManagerTests() : ConnectionManagerCases(TestDatabaseKind.Sqlite);

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class ConnectionManagerOnPostgreSqlTests() : ConnectionManagerCases(TestDatabaseKind.PostgreSQL);
