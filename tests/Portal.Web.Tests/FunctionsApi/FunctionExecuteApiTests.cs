using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>POST|GET /api/v1/functions/{api_name}/actions/execute through the real portal host with personal access tokens.</summary>
public abstract class FunctionExecuteApiCases(PortalWebFactory factory)
{
    private const string GreetCode = "info \"hi \" + name;\nresult = map();\nresult.put(\"greeting\", \"Hello \" + name);\nresult.put(\"twice\", count * 2);\nreturn result;";

    private static readonly object[] GreetArguments = [new { name = "name", type = "text" }, new { name = "count", type = "number" }];

    [Fact]
    public async Task Query_parameters_are_converted_to_the_declared_types_and_the_output_comes_back_in_the_envelope()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, GreetCode, GreetArguments);

        var response = await alice.GetAsync(FunctionsApiClient.Execute(apiName) + "?name=Ada&count=21");

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", json.GetProperty("code").GetString());
        Assert.Equal("function executed successfully", json.GetProperty("message").GetString());
        var details = json.GetProperty("details");
        Assert.Equal("map", details.GetProperty("output_type").GetString());
        Assert.Equal("Hello Ada", details.GetProperty("output").GetProperty("greeting").GetString());
        Assert.Equal(42, details.GetProperty("output").GetProperty("twice").GetInt64());
        Assert.True(long.Parse(details.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Form_parameters_are_arguments()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, GreetCode, GreetArguments);

        var response = await alice.PostAsync(FunctionsApiClient.Execute(apiName), new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Grace", ["count"] = "5" }));

        var output = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("output");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello Grace", output.GetProperty("greeting").GetString());
        Assert.Equal(10, output.GetProperty("twice").GetInt64());
    }

    [Fact]
    public async Task A_json_body_with_arguments_passes_numbers_and_maps()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return data.get(\"city\") + \" \" + (n + 1);", new { name = "data", type = "map" }, new { name = "n", type = "number" });

        var response = await alice.PostAsJsonAsync(FunctionsApiClient.Execute(apiName), new { arguments = new { data = new { city = "Oslo" }, n = 41 } });

        var details = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("string", details.GetProperty("output_type").GetString());
        Assert.Equal("Oslo 42", details.GetProperty("output").GetString());
    }

    [Fact]
    public async Task An_argument_that_does_not_convert_is_a_400_naming_it()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, GreetCode, GreetArguments);

        var response = await alice.GetAsync(FunctionsApiClient.Execute(apiName) + "?name=Ada&count=many");

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("error", json.GetProperty("code").GetString());
        Assert.Equal("count", json.GetProperty("details").GetProperty("argument").GetString());
        Assert.Contains("count", json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // SEC-21
    [Fact]
    public async Task A_single_crmAPIRequest_argument_receives_the_whole_request_without_credentials()
    {
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return crmAPIRequest;", new { name = "crmAPIRequest", type = "map" });
        using var request = new HttpRequestMessage(HttpMethod.Post, FunctionsApiClient.Execute(apiName) + "?source=ci") { Content = JsonContent.Create(new { order = 7 }) };
        request.Headers.Add("X-Trace", "abc");

        var response = await bob.SendAsync(request);

        var output = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("output");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("POST", output.GetProperty("method").GetString());
        Assert.Equal("ci", output.GetProperty("params").GetProperty("source").GetString());
        Assert.Equal(7, output.GetProperty("body").GetProperty("order").GetInt32());
        Assert.Equal("abc", output.GetProperty("headers").GetProperty("X-Trace").GetString());
        Assert.False(output.GetProperty("headers").TryGetProperty("Authorization", out _));
        Assert.DoesNotContain("pat_", output.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(FunctionsApiClient.Bob, output.GetProperty("user_info").GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_returned_crmAPIResponse_shapes_the_http_response()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var code = "headers = map();\nheaders.put(\"X-Order\", \"77\");\nr = map();\nr.put(\"status_code\", 201);\nr.put(\"Content-Type\", \"text/csv\");\nr.put(\"headers\", headers);\nr.put(\"body\", \"a,b\");\nout = map();\nout.put(\"crmAPIResponse\", r);\nreturn out;";
        var apiName = await FunctionsApiClient.DeployAsync(alice, code);

        var response = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("77", Assert.Single(response.Headers.GetValues("X-Order")));
        Assert.Equal("a,b", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_runtime_error_answers_error_json_with_the_line()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "info \"start\";\nx = 1 / 0;\nreturn x;");

        var response = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("error", json.GetProperty("code").GetString());
        Assert.Equal(2, json.GetProperty("details").GetProperty("line").GetInt32());
        Assert.True(json.GetProperty("details").GetProperty("column").GetInt32() > 0);
        Assert.Contains("zero", json.GetProperty("details").GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    // SEC-30
    [Fact]
    public async Task An_unknown_function_is_404_and_a_call_without_a_token_is_401()
    {
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);
        using var anonymous = LoginClient.CreateClient(factory);
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");

        var missing = await bob.GetAsync(FunctionsApiClient.Execute("no_such_function"));
        var unauthenticated = await anonymous.GetAsync(FunctionsApiClient.Execute(apiName));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("error", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task Runs_started_by_token_appear_in_the_run_history_with_origin_token()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "info \"ran\";\nreturn \"ok\";");

        var executed = await bob.PostAsync(FunctionsApiClient.Execute(apiName), null);
        var runs = await bob.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs?page=1&per_page=10");

        var runId = (await executed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("id").GetString();
        var row = Assert.Single(runs.GetProperty("runs").EnumerateArray());
        Assert.Equal(runId, row.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("token", row.GetProperty("origin").GetString());
        Assert.Equal("ok", row.GetProperty("output").GetString());
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<IFunctionService>();
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "admin"), new(System.Security.Claims.ClaimTypes.Role, Portal.Web.Identity.Roles.Admin)], "test"));
        var function = await service.GetAsync(admin, apiName);
        var stored = Assert.Single(await service.ListRunsAsync(admin, function!.Id));
        Assert.Equal(FunctionRunOrigin.Token, stored.Origin);
        Assert.Equal(await FunctionsApiClient.UserIdAsync(factory, FunctionsApiClient.Bob), stored.UserId);
    }
}

/// <summary>The cases above on SQLite (the default provider).</summary>
public sealed class FunctionExecuteApiTests(PortalWebFactory factory) : FunctionExecuteApiCases(factory), IClassFixture<PortalWebFactory>;

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class FunctionExecuteApiOnPostgreSqlTests(PostgresPortalWebFactory factory) : FunctionExecuteApiCases(factory), IClassFixture<PostgresPortalWebFactory>;
