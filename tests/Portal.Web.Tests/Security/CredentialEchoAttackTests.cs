using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Sandbox;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;
using ServiceDescriptor = Portal.Connections.Catalog.ServiceDescriptor;

namespace Portal.Web.Tests.Security;

/// <summary>
/// Issue 15 F3 as the attacker ran it: alice's shared function makes an API echo bob's credential back and tries to get it
/// out through the return value, info, a map, the trace, the run row and the APIs. Every form of it must arrive as ••••.
/// </summary>
public sealed class CredentialEchoAttackTests(CredentialEchoFixture fixture) : IClassFixture<CredentialEchoFixture>
{
    private const string Mask = "••••";

    private SandboxPortalWebFactory Factory => fixture.Factory;

    // SEC-35
    [Fact]
    public async Task A_key_that_sandbox_echo_returns_reaches_neither_bobs_run_output_nor_its_trace_nor_the_database_nor_the_apis()
    {
        var key = "bob-K3y+/zä=Q7" + Guid.NewGuid().ToString("N")[..8];
        var link = await SharedApiKeyConnectionAsync($"{Factory.SandboxUrl}/api/echo/", "q", CredentialLocation.Query);
        await AuthorizeAsBobAsync(link, key);
        var echo = $"{Factory.SandboxUrl}/api/echo/steal";

        var (output, texts) = await BobRunsAlicesFunctionAsync($$"""
            r = invokeUrl [ url: "{{echo}}" type: GET connection: "{{link}}" ];
            k = r.get("query").get("q");
            info k;
            info r;
            m = Map();
            m.put("key", k);
            m.put("detailed", invokeUrl [ url: "{{echo}}" type: GET connection: "{{link}}" detailed: true ]);
            return m;
            """);

        Assert.Equal(Mask, output.GetProperty("key").GetString());
        Assert.Equal(Mask, output.GetProperty("detailed").GetProperty("responseText").GetProperty("query").GetProperty("q").GetString());
        foreach (var (where, text) in texts)
        {
            SecretLeakProbe.AssertAbsent(key, where, text);
        }
    }

    // SEC-35
    [Fact]
    public async Task A_query_key_echoed_url_encoded_by_a_raw_api_arrives_masked()
    {
        var key = "k3y+/ =&x" + Guid.NewGuid().ToString("N")[..8];
        var link = await SharedApiKeyConnectionAsync(fixture.Echo.Url + "/", "q", CredentialLocation.Query);
        await AuthorizeAsBobAsync(link, key);

        var (output, texts) = await BobRunsAlicesFunctionAsync($$"""
            return invokeUrl [ url: "{{fixture.Echo.Url}}/steal?page=1" type: GET connection: "{{link}}" detailed: true ];
            """);

        Assert.Equal($"?page=1&q={Mask}", output.GetProperty("responseText").GetProperty("rawQuery").GetString());
        foreach (var (where, text) in texts)
        {
            SecretLeakProbe.AssertAbsent(key, where, text);
        }
    }

    // SEC-35
    [Fact]
    public async Task A_basic_password_echoed_in_base64_in_the_body_and_a_response_header_arrives_masked()
    {
        const string user = "bob.basic";
        var password = "p@ss w+rd/1=" + Guid.NewGuid().ToString("N")[..8];
        var link = await SharedConnectionAsync(Service(ServiceAuthType.Basic, fixture.Echo.Url + "/"));
        await Factory.Services.GetRequiredService<IConnectionAuthorizer>().AuthorizeWithBasicAsync(
            link, await FunctionsApiClient.UserIdAsync(Factory, FunctionsApiClient.Bob), user, password);

        var (output, texts) = await BobRunsAlicesFunctionAsync($$"""
            return invokeUrl [ url: "{{fixture.Echo.Url}}/steal" type: GET connection: "{{link}}" detailed: true ];
            """);

        Assert.Equal($"Basic {Mask}", output.GetProperty("responseHeader").GetProperty("X-Echo-Authorization").GetString());
        Assert.Equal($"Basic {Mask}", output.GetProperty("responseText").GetProperty("headers").GetProperty("Authorization").GetString());
        foreach (var (where, text) in texts)
        {
            SecretLeakProbe.AssertAbsent($"{user}:{password}", where, text);
            SecretLeakProbe.AssertAbsent(password, where, text);
        }
    }

    // SEC-35
    [Fact]
    public async Task An_oauth_access_token_echoed_in_a_response_header_arrives_masked()
    {
        var sandboxEcho = (await Factory.Services.GetRequiredService<IServiceCatalog>().FindAsync("sandbox_echo"))!.Descriptor;
        var link = await SharedConnectionAsync(
            sandboxEcho with { Id = "raw_echo_oauth", DisplayName = "Raw echo (OAuth)", AllowedApiBaseUrls = [fixture.Echo.Url + "/"], TestRequestUrl = null },
            SandboxPortalClient.ClientId, Factory.Services.GetRequiredService<SandboxPortalClient>().ClientSecret, ["echo.read"]);
        await SandboxAuthorizer.AuthorizeAsync(Factory, link, await FunctionsApiClient.UserIdAsync(Factory, FunctionsApiClient.Bob), "riley@sandbox.test");

        var (output, texts) = await BobRunsAlicesFunctionAsync($$"""
            return invokeUrl [ url: "{{fixture.Echo.Url}}/oauth" type: GET connection: "{{link}}" detailed: true ];
            """);

        Assert.Equal($"Bearer {Mask}", output.GetProperty("responseHeader").GetProperty("X-Echo-Authorization").GetString());
        var token = fixture.Echo.ReceivedHeaders.Where(h => h.Key == "Authorization" && h.Value.StartsWith("Bearer ", StringComparison.Ordinal))
            .Select(h => h.Value["Bearer ".Length..]).Distinct().Single();
        foreach (var (where, text) in texts)
        {
            SecretLeakProbe.AssertAbsent(token, where, text);
        }
    }

    // SEC-35
    [Fact]
    public async Task The_trace_shows_the_header_the_key_was_sent_in_masked_and_keeps_the_credential_note()
    {
        var alice = await FunctionsApiClient.PrincipalAsync(Factory, FunctionsApiClient.Alice);
        var link = "weather_" + Guid.NewGuid().ToString("N")[..8];
        var created = await Factory.Services.GetRequiredService<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Name = link, LinkName = link, ServiceId = "sandbox_weather" }, ConnectionsUser.From(alice)!);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        await Factory.Services.GetRequiredService<IConnectionAuthorizer>().AuthorizeWithApiKeyAsync(
            link, await FunctionsApiClient.UserIdAsync(Factory, FunctionsApiClient.Alice), new Dictionary<string, string> { ["X-Weather-Key"] = "sandbox-weather-demo-key" });
        using var scope = Factory.Services.CreateScope();

        var run = await scope.ServiceProvider.GetRequiredService<IFunctionRunner>().RunAsync(new FunctionRunRequest
        {
            Code = $$"""return invokeUrl [ url: "{{Factory.SandboxUrl}}/api/weather/v1/forecast?city=Lisbon" type: GET connection: "{{link}}" ].get("city");""",
            Arguments = [],
        }, alice, FunctionRunOrigin.Editor);

        Assert.Null(run.ErrorMessage);
        var call = Assert.Single(run.HttpTrace);
        Assert.Contains(KeyValuePair.Create("X-Weather-Key", Mask), call.RequestHeaders);
        Assert.DoesNotContain(call.RequestHeaders, h => h.Key == "Authorization");
        Assert.Equal($"credential of connection \"{link}\"", call.Credential);
        var stored = (await SecretLeakProbe.EveryRowAsync(Factory)).Single(r => r.StartsWith("FunctionRuns:", StringComparison.Ordinal) && r.Contains(link, StringComparison.Ordinal));
        Assert.Contains($"credential of connection \\u0022{link}\\u0022", stored, StringComparison.Ordinal);
    }

    private async Task<(JsonElement Output, List<(string Where, string Text)> Texts)> BobRunsAlicesFunctionAsync(string code)
    {
        using var alice = await FunctionsApiClient.ForAsync(Factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, code);
        using var bob = await FunctionsApiClient.ForAsync(Factory, FunctionsApiClient.Bob);
        using var admin = await FunctionsApiClient.ForAsync(Factory, PortalWebFactory.AdminEmail);

        var executed = await bob.PostAsync(FunctionsApiClient.Execute(apiName), null);

        var body = await executed.Content.ReadAsStringAsync();
        Assert.True(executed.StatusCode == HttpStatusCode.OK, body);
        var texts = new List<(string, string)>
        {
            ("the execute API response", body),
            ("bob's run history API", await bob.GetStringAsync($"/api/v1/functions/{apiName}/runs")),
            ("the admin's run history API", await admin.GetStringAsync($"/api/v1/functions/{apiName}/runs")),
        };
        var rows = await SecretLeakProbe.EveryRowAsync(Factory);
        Assert.Contains(rows, r => r.StartsWith("FunctionRuns:", StringComparison.Ordinal) && r.Contains(Mask, StringComparison.Ordinal));
        texts.AddRange(rows.Select(r => ("the database row " + r.Split(':')[0], r)));
        var details = JsonDocument.Parse(body).RootElement.GetProperty("details");
        return (details.GetProperty("output").Clone(), texts);
    }

    private async Task<string> SharedApiKeyConnectionAsync(string apiBase, string keyName, CredentialLocation location) =>
        await SharedConnectionAsync(Service(ServiceAuthType.ApiKey, apiBase) with { ApiKeyParameters = [new ApiKeyParameter { Name = keyName, Location = location }] });

    private static ServiceDescriptor Service(ServiceAuthType type, string apiBase)
    {
        var id = "alice_svc_" + Guid.NewGuid().ToString("N")[..8];
        return new ServiceDescriptor { Id = id, DisplayName = id, Category = "Other", AuthType = type, AllowedApiBaseUrls = [apiBase] };
    }

    /// <summary>Alice's own custom service and a shared connection to it, which bob then authorizes with his credential.</summary>
    private async Task<string> SharedConnectionAsync(ServiceDescriptor service, string? clientId = null, string? clientSecret = null, IReadOnlyList<string>? scopes = null)
    {
        var alice = await FunctionsApiClient.PrincipalAsync(Factory, FunctionsApiClient.Alice);
        var aliceId = await FunctionsApiClient.UserIdAsync(Factory, FunctionsApiClient.Alice);
        var defined = await Factory.Services.GetRequiredService<IServiceCatalog>().CreateCustomAsync(service, clientId, clientSecret, aliceId);
        Assert.True(defined.Succeeded, string.Join("; ", defined.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var link = service.Id + "_conn";
        var created = await Factory.Services.GetRequiredService<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Name = link, LinkName = link, ServiceId = service.Id, Scopes = scopes ?? [], Mode = ConnectionMode.LoginUserCredentials },
            ConnectionsUser.From(alice)!);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return link;
    }

    private async Task AuthorizeAsBobAsync(string link, string key) =>
        await Factory.Services.GetRequiredService<IConnectionAuthorizer>().AuthorizeWithApiKeyAsync(
            link, await FunctionsApiClient.UserIdAsync(Factory, FunctionsApiClient.Bob), new Dictionary<string, string> { ["q"] = key });
}
