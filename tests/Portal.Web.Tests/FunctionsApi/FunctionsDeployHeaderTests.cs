using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>Deploying an exported Zoho function, header included: the header names it and declares its arguments.</summary>
public sealed class FunctionsDeployHeaderTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private const string Exported = "string automation.Header_Deal(int dealId, String note)\n{\n  return note + \" \" + (dealId + 1);\n}";

    [Fact]
    public async Task A_function_with_a_header_takes_its_api_name_and_arguments_from_it_and_runs_with_converted_values()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);

        var created = await alice.PostAsJsonAsync("/api/v1/functions", new { code = Exported });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var run = await alice.GetAsync(FunctionsApiClient.Execute("header_deal") + "?dealId=41&note=deal");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("header_deal", body.GetProperty("api_name").GetString());
        Assert.Equal("Header_Deal", body.GetProperty("name").GetString());
        Assert.Equal(
            [("dealId", "number"), ("note", "text")],
            body.GetProperty("arguments").EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("type").GetString())).ToList());
        Assert.Contains("deal 42", await run.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_that_names_another_function_is_a_422_saying_which_names_differ()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");

        var created = await alice.PostAsJsonAsync("/api/v1/functions", new { name = "Other", api_name = "other_" + apiName, code = Exported });
        var updated = await alice.PutAsJsonAsync($"/api/v1/functions/{apiName}", new { code = Exported });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        Assert.Contains($"The code's header names the function Header_Deal (line 1), but its API name is other_{apiName}.", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, updated.StatusCode);
        Assert.Contains($"but its API name is {apiName}. Rename the header to {apiName}(…) or deploy the code as header_deal.", await updated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_sent_that_differ_from_the_header_are_a_422_naming_the_first_difference()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var code = "void standalone.header_args(int dealId)\n{\n  info dealId;\n}";

        var created = await alice.PostAsJsonAsync("/api/v1/functions", new { code, arguments = new[] { new { name = "dealId", type = "text" } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        Assert.Contains(
            "Argument 1 differs: the code's header (line 1) declares dealId (number), the request declares dealId (text).",
            await created.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_with_only_warnings_deploys()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);

        var created = await alice.PostAsJsonAsync("/api/v1/functions", new { name = "Warned", api_name = "warned_only", code = "x = 1;\nif(x = 1)\n{\n  x = zoho.books.getRecords(\"Invoices\");\n}" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
