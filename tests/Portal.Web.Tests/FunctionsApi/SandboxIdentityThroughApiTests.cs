using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>
/// Issue 10 acceptance 2 at the real Sandbox: a function using a shared connection runs with the authorization of
/// the token's user, or of the user who enabled the API key. Sandbox Echo names the account of the token it received.
/// </summary>
public sealed class SandboxIdentityThroughApiTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    [Fact]
    public async Task A_shared_connection_uses_bobs_authorization_by_his_token_and_the_admins_by_the_admins_api_key()
    {
        var admin = await FunctionsApiClient.PrincipalAsync(factory, PortalWebFactory.AdminEmail);
        var adminId = await FunctionsApiClient.UserIdAsync(factory, PortalWebFactory.AdminEmail);
        var bobId = await FunctionsApiClient.UserIdAsync(factory, FunctionsApiClient.Bob);
        var created = await factory.Services.GetRequiredService<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Name = "Team echo", LinkName = "team_echo", ServiceId = "sandbox_echo", Scopes = ["echo.read"], Mode = ConnectionMode.LoginUserCredentials },
            ConnectionsUser.From(admin)!);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        await SandboxAuthorizer.AuthorizeAsync(factory, "team_echo", adminId, "sam@sandbox.test");
        await SandboxAuthorizer.AuthorizeAsync(factory, "team_echo", bobId, "riley@sandbox.test");
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, $$"""
            r = invokeUrl [ url: "{{factory.SandboxUrl}}/api/echo/whoami" type: GET connection: "team_echo" ];
            return r.get("caller").get("user").get("email");
            """);
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName, PortalWebFactory.AdminEmail);
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);
        using var keyCaller = FunctionsApiClient.WithKey(factory, key);

        var byBob = await bob.PostAsync(FunctionsApiClient.Execute(apiName), null);
        var byKey = await keyCaller.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.Equal(HttpStatusCode.OK, byBob.StatusCode);
        Assert.Equal("riley@sandbox.test", (await byBob.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("output").GetString());
        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
        Assert.Equal("sam@sandbox.test", (await byKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("output").GetString());
        var runs = await alice.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs");
        Assert.Empty(runs.GetProperty("runs").EnumerateArray());
        using var adminClient = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);
        var all = (await adminClient.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs")).GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["api_key", "token"], all.Select(r => r.GetProperty("origin").GetString()));
        Assert.Equal([adminId, bobId], all.Select(r => r.GetProperty("user_id").GetString()));
    }
}
