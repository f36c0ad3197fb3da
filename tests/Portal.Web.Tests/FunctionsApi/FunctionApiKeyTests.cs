using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Keys;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>The function's own API key on the execute endpoint: header or zapikey, regenerate, disable, scope, storage.</summary>
public sealed class FunctionApiKeyTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task A_key_in_the_header_runs_the_function_as_the_user_who_enabled_it_with_origin_api_key()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return zoho.loginuser + \"/\" + who;", new { name = "who", type = "text" });
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName);
        using var caller = FunctionsApiClient.WithKey(factory, key);

        var response = await caller.GetAsync(FunctionsApiClient.Execute(apiName) + "?who=ci");
        var runs = await alice.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs");

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FunctionsApiClient.Alice + "/ci", json.GetProperty("details").GetProperty("output").GetString());
        var run = Assert.Single(runs.GetProperty("runs").EnumerateArray());
        Assert.Equal("api_key", run.GetProperty("origin").GetString());
        Assert.Equal(await FunctionsApiClient.UserIdAsync(factory, FunctionsApiClient.Alice), run.GetProperty("user_id").GetString());
    }

    // SEC-21
    [Fact]
    public async Task A_key_in_the_zapikey_parameter_works_and_never_reaches_the_script()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return crmAPIRequest;", new { name = "crmAPIRequest", type = "map" });
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName);
        using var anonymous = LoginClient.CreateClient(factory);

        var response = await anonymous.PostAsync(FunctionsApiClient.Execute(apiName) + "?zapikey=" + Uri.EscapeDataString(key) + "&order=9", null);

        var output = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("output");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("9", output.GetProperty("params").GetProperty("order").GetString());
        Assert.DoesNotContain(key, output.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("zapikey", output.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_regenerated_key_replaces_the_old_one_at_once()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        var oldKey = await FunctionsApiClient.EnableKeyAsync(factory, apiName);

        var newKey = await FunctionsApiClient.EnableKeyAsync(factory, apiName);

        using var withOld = FunctionsApiClient.WithKey(factory, oldKey);
        using var withNew = FunctionsApiClient.WithKey(factory, newKey);
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withOld.PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withNew.PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_key_is_401_with_a_json_error_that_says_what_to_do()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName);
        using var caller = FunctionsApiClient.WithKey(factory, key);
        Assert.Equal(HttpStatusCode.OK, (await caller.PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);

        var disabled = await FunctionsApiClient.WithKeysAsync(factory, apiName, FunctionsApiClient.Alice, (keys, user, id) => keys.DisableAsync(user, id));
        var response = await caller.PostAsync(FunctionsApiClient.Execute(apiName), null);

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(disabled.Succeeded, disabled.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("error", json.GetProperty("code").GetString());
        Assert.Contains("disabled or regenerated", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("REST API tab", json.GetProperty("details").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // SEC-30
    [Fact]
    public async Task A_key_executes_only_its_own_function_and_opens_nothing_else()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var own = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        var other = await FunctionsApiClient.DeployAsync(alice, "return 2;");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, own);
        using var caller = FunctionsApiClient.WithKey(factory, key);

        var otherFunction = await caller.PostAsync(FunctionsApiClient.Execute(other), null);
        var read = await caller.GetAsync($"/api/v1/functions/{own}");
        var list = await caller.GetAsync("/api/v1/functions");
        var runs = await caller.GetAsync($"/api/v1/functions/{own}/runs");
        var deploy = await caller.PutAsJsonAsync($"/api/v1/functions/{own}", new { code = "return 3;" });
        var connections = await caller.GetAsync("/api/v1/connections");
        var page = await caller.GetAsync($"/functions/{own}");

        Assert.Equal(HttpStatusCode.Unauthorized, otherFunction.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, runs.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, deploy.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, connections.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    // SEC-21
    [Fact]
    public async Task The_key_is_stored_only_as_its_hash_and_shown_once()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");

        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName);

        using var scope = factory.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var row = await db.Functions.AsNoTracking().SingleAsync(f => f.ApiName == apiName);
        var info = await scope.ServiceProvider.GetRequiredService<FunctionApiKeyService>().GetAsync(row.Id);
        Assert.StartsWith(FunctionApiKeyService.KeyPrefix, key, StringComparison.Ordinal);
        Assert.Equal(FunctionApiKeyService.Hash(key), row.ApiKeyHash);
        Assert.NotEqual(key, row.ApiKeyHash);
        Assert.Equal(key[..12], row.ApiKeyPrefix);
        Assert.Equal(FunctionsApiClient.Alice, info!.EnabledByEmail);
        Assert.DoesNotContain(key, JsonSerializer.Serialize(info), StringComparison.Ordinal);
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.TargetId == apiName).ToListAsync();
        Assert.All(audit, e => Assert.DoesNotContain(key, e.Details ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_manages_the_key_and_each_change_is_audited()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");

        var byBob = await FunctionsApiClient.WithKeysAsync(factory, apiName, FunctionsApiClient.Bob, (keys, user, id) => keys.GenerateAsync(user, id));
        var byAlice = await FunctionsApiClient.WithKeysAsync(factory, apiName, FunctionsApiClient.Alice, (keys, user, id) => keys.GenerateAsync(user, id));
        var byAdmin = await FunctionsApiClient.WithKeysAsync(factory, apiName, PortalWebFactory.AdminEmail, (keys, user, id) => keys.GenerateAsync(user, id));
        var bobDisables = await FunctionsApiClient.WithKeysAsync(factory, apiName, FunctionsApiClient.Bob, (keys, user, id) => keys.DisableAsync(user, id));
        var aliceDisables = await FunctionsApiClient.WithKeysAsync(factory, apiName, FunctionsApiClient.Alice, (keys, user, id) => keys.DisableAsync(user, id));

        Assert.False(byBob.Succeeded);
        Assert.Contains("owner or an Admin", byBob.Error, StringComparison.Ordinal);
        Assert.True(byAlice.Succeeded && byAdmin.Succeeded && aliceDisables.Succeeded);
        Assert.False(bobDisables.Succeeded);
        Assert.Equal(PortalWebFactory.AdminEmail, byAdmin.Info!.EnabledByEmail);
        using var scope = factory.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.TargetId == apiName && e.Action.StartsWith("function.api_key")).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([FunctionAuditActions.ApiKeyEnabled, FunctionAuditActions.ApiKeyRegenerated, FunctionAuditActions.ApiKeyDisabled], events.Select(e => e.Action));
        Assert.Equal([FunctionsApiClient.Alice, PortalWebFactory.AdminEmail, FunctionsApiClient.Alice], events.Select(e => e.ActorEmail));
    }

    [Fact]
    public async Task The_runs_api_names_the_origin_of_editor_token_and_api_key_runs()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName);
        using var caller = FunctionsApiClient.WithKey(factory, key);
        var principal = await FunctionsApiClient.PrincipalAsync(factory, FunctionsApiClient.Alice);
        using (var scope = factory.Services.CreateScope())
        {
            var function = await scope.ServiceProvider.GetRequiredService<IFunctionService>().GetAsync(principal, apiName);
            await scope.ServiceProvider.GetRequiredService<IFunctionRunner>().RunAsync(new FunctionRunRequest { FunctionId = function!.Id }, principal, FunctionRunOrigin.Editor);
        }

        await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);
        await caller.PostAsync(FunctionsApiClient.Execute(apiName), null);
        var runs = await alice.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs");

        Assert.Equal(["api_key", "token", "editor"], runs.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("origin").GetString()));
    }
}
