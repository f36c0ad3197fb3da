using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>GET/POST /api/v1/functions and GET/PUT/DELETE /api/v1/functions/{api_name} as CI and the CLI use them.</summary>
public abstract class FunctionsDeployApiCases(PortalWebFactory factory)
{
    [Fact]
    public async Task A_developer_creates_updates_reads_and_deletes_a_function_and_each_save_is_a_version()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);

        var created = await alice.PostAsJsonAsync("/api/v1/functions", new { name = "Deploy Me", description = "from CI", arguments = new[] { new { name = "n", type = "number" } }, code = "return n;" });
        var updated = await alice.PutAsJsonAsync("/api/v1/functions/deploy_me", new { code = "return n + 1;", message = "bump" });
        var read = await alice.GetFromJsonAsync<JsonElement>("/api/v1/functions/deploy_me");
        var listed = await alice.GetFromJsonAsync<JsonElement>("/api/v1/functions");
        var deleted = await alice.DeleteAsync("/api/v1/functions/deploy_me");
        var gone = await alice.GetAsync("/api/v1/functions/deploy_me");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("deploy_me", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("api_name").GetString());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("return n + 1;", read.GetProperty("code").GetString());
        Assert.Equal(2, read.GetProperty("version").GetInt32());
        Assert.Equal("number", read.GetProperty("arguments")[0].GetProperty("type").GetString());
        Assert.Equal("/api/v1/functions/deploy_me/actions/execute", read.GetProperty("execute_url").GetString());
        Assert.Contains(listed.EnumerateArray(), f => f.GetProperty("api_name").GetString() == "deploy_me");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Code_with_compile_errors_is_rejected_with_422_and_the_diagnostics()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");

        var created = await alice.PostAsJsonAsync("/api/v1/functions", new { name = "Broken", api_name = "broken_" + apiName, code = "x = ;\nreturn x;" });
        var updated = await alice.PutAsJsonAsync($"/api/v1/functions/{apiName}", new { code = "return 1;\nif (true {" });
        var kept = await alice.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        var diagnostic = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("diagnostics")[0];
        Assert.Equal(1, diagnostic.GetProperty("line").GetInt32());
        Assert.False(string.IsNullOrEmpty(diagnostic.GetProperty("message").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, updated.StatusCode);
        Assert.Equal(2, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("diagnostics")[0].GetProperty("line").GetInt32());
        Assert.Equal("return 1;", kept.GetProperty("code").GetString());
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
    }

    // SEC-30
    [Fact]
    public async Task A_user_may_read_and_execute_but_not_write()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return \"fine\";");

        var read = await bob.GetAsync($"/api/v1/functions/{apiName}");
        var executed = await bob.GetAsync(FunctionsApiClient.Execute(apiName));
        var create = await bob.PostAsJsonAsync("/api/v1/functions", new { name = "Bob's", code = "return 1;" });
        var update = await bob.PutAsJsonAsync($"/api/v1/functions/{apiName}", new { code = "return 2;" });
        var delete = await bob.DeleteAsync($"/api/v1/functions/{apiName}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, executed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Contains("Developer", (await delete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_an_api_name_that_exists_is_a_409_and_the_run_history_is_paged()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);
        }

        var duplicate = await alice.PostAsJsonAsync("/api/v1/functions", new { name = "Again", api_name = apiName, code = "return 2;" });
        var page2 = await alice.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs?page=2&per_page=2");

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(3, page2.GetProperty("total").GetInt32());
        Assert.Single(page2.GetProperty("runs").EnumerateArray());
        Assert.False(page2.GetProperty("more_records").GetBoolean());
    }
}

/// <summary>The cases above on SQLite (the default provider).</summary>
public sealed class FunctionsDeployApiTests(PortalWebFactory factory) : FunctionsDeployApiCases(factory), IClassFixture<PortalWebFactory>;

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class FunctionsDeployApiOnPostgreSqlTests(PostgresPortalWebFactory factory) : FunctionsDeployApiCases(factory), IClassFixture<PostgresPortalWebFactory>;
