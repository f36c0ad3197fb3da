using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>Another user's private function through the API looks exactly like one that does not exist.</summary>
public sealed class PrivateFunctionApiTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    // SEC-30
    [Fact]
    public async Task Another_users_private_function_by_token_is_404_with_the_same_body_as_a_missing_one()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);
        var apiName = await FunctionsApiClient.DeployPrivateAsync(alice, "return 1;");
        var missing = apiName.Replace("fp_", "fx_", StringComparison.Ordinal);

        var execute = await bob.PostAsync(FunctionsApiClient.Execute(apiName), null);
        var executeMissing = await bob.PostAsync(FunctionsApiClient.Execute(missing), null);
        var read = await bob.GetAsync($"/api/v1/functions/{apiName}");
        var readMissing = await bob.GetAsync($"/api/v1/functions/{missing}");
        var runs = await bob.GetAsync($"/api/v1/functions/{apiName}/runs");
        var list = await bob.GetFromJsonAsync<JsonElement>("/api/v1/functions");
        var byOwner = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.Equal(HttpStatusCode.NotFound, execute.StatusCode);
        Assert.Equal((await executeMissing.Content.ReadAsStringAsync()).Replace(missing, apiName, StringComparison.Ordinal), await execute.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(Without(await readMissing.Content.ReadAsStringAsync()).Replace(missing, apiName, StringComparison.Ordinal), Without(await read.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, runs.StatusCode);
        Assert.DoesNotContain(list.EnumerateArray(), f => f.GetProperty("api_name").GetString() == apiName);
        Assert.Equal(HttpStatusCode.OK, byOwner.StatusCode);
    }

    [Fact]
    public async Task Admins_see_private_functions_and_the_owner_can_make_one_shared_through_put()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);
        using var admin = await FunctionsApiClient.ForAsync(factory, PortalWebFactory.AdminEmail);
        var apiName = await FunctionsApiClient.DeployPrivateAsync(alice, "return 1;");

        var byAdmin = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}");
        var shared = await alice.PutAsJsonAsync($"/api/v1/functions/{apiName}", new { code = "return 2;", visibility = "shared" });
        var byBob = await bob.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.Equal("private", byAdmin.GetProperty("visibility").GetString());
        Assert.Equal("shared", (await shared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visibility").GetString());
        Assert.Equal(HttpStatusCode.OK, byBob.StatusCode);
    }

    /// <summary>Problem details carry a per-request trace id; everything else must match.</summary>
    private static string Without(string problem)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(problem)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }
}
