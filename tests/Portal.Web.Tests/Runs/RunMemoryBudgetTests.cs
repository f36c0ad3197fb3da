using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Tests.FunctionsApi;

namespace Portal.Web.Tests.Runs;

/// <summary>SEC-37 through the real execute and run-history APIs: over-large runs fail clearly, are recorded, never answer 500.</summary>
public sealed class RunMemoryBudgetTests(SmallLimitsPortalWebFactory factory) : IClassFixture<SmallLimitsPortalWebFactory>
{
    private static readonly string Hundred = "{" + string.Join(",", Enumerable.Range(1, 100)) + "}";

    // SEC-37
    [Fact]
    public async Task Trying_to_return_a_gigabyte_stops_at_the_configured_budget_answers_400_and_is_recorded_with_an_audit_entry()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, $$"""
            big = "x".leftPad(1000000);
            l = List();
            for each i in {{Hundred}} { for each j in {{Hundred}} { l.add(big + i + j); } }
            return l;
            """);

        var response = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString();
        Assert.StartsWith("memory limit exceeded:", message, StringComparison.Ordinal);
        Assert.Contains("memory budget of 8 MB (8,388,608 bytes)", message, StringComparison.Ordinal);
        var run = Assert.Single((await alice.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs")).GetProperty("runs").EnumerateArray());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(message, run.GetProperty("error_message").GetString());
        Assert.Equal(["Failed (Token)"], await RunAuditsAsync(apiName));
    }

    // SEC-37
    [Fact]
    public async Task A_return_value_over_the_cap_is_cut_with_a_note_in_the_answer_and_in_history()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, """return "x".leftPad(250000);""");

        var response = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var output = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("output").GetString()!;
        Assert.True(output.Length <= 100_000, $"the answer kept {output.Length:N0} characters");
        Assert.EndsWith("(return value truncated at 100,000 characters; it was 250,002. Return less data, e.g. a page or a summary.)", output, StringComparison.Ordinal);
        var run = Assert.Single((await alice.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs")).GetProperty("runs").EnumerateArray());
        Assert.Equal(output, run.GetProperty("output").GetString());
    }

    // SEC-37
    [Fact]
    public async Task Info_the_database_refuses_as_too_big_still_leaves_a_recorded_failed_run_and_no_500()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, """
            line = "y".leftPad(100000);
            for each i in {1,2,3,4,5} { info line + i; }
            return "done";
            """);

        var response = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString();
        Assert.Contains("the database refused to store the run's output", message, StringComparison.Ordinal);
        Assert.Contains("too big", message, StringComparison.Ordinal);
        var run = Assert.Single((await alice.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs")).GetProperty("runs").EnumerateArray());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(["Failed (Token)"], await RunAuditsAsync(apiName));
    }

    private async Task<List<string>> RunAuditsAsync(string apiName)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var id = (await db.Functions.AsNoTracking().SingleAsync(f => f.ApiName == apiName)).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == FunctionAuditActions.Run && e.TargetId == id).Select(e => e.Details!).ToListAsync();
    }
}
