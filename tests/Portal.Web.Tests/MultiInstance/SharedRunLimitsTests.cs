using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Functions;
using Portal.Web.Functions.Api;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.FunctionsApi;

namespace Portal.Web.Tests.MultiInstance;

/// <summary>The per-user run limits and the execute API rate limit hold across three instances on one PostgreSQL (SEC-28).</summary>
public sealed class SharedRunLimitsTests
{
    // SEC-28
    [Fact]
    public async Task Five_concurrent_runs_of_one_user_over_three_instances_get_exactly_three_slots_and_the_61st_start_is_refused()
    {
        using var instances = new SharedInstances(new Dictionary<string, string> { [ExecuteRateLimiter.ConfigurationKey] = "1000" });
        var alice = await FunctionsApiClient.UserIdAsync(instances.All[0], FunctionsApiClient.Alice);

        // Five long runs at once, spread over the instances: each holds its lease until the test lets go.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(n =>
            instances.All[n % 3].Services.GetRequiredService<FunctionRunGate>().TryEnterAsync(alice)));
        var granted = attempts.Where(a => a.Lease is not null).ToList();
        Assert.Equal(3, granted.Count);
        Assert.All(attempts.Where(a => a.Lease is null), a => Assert.Contains("You already have 3 runs in progress", a.Refusal, StringComparison.Ordinal));
        foreach (var (lease, _) in granted)
        {
            await lease!.DisposeAsync();
        }

        // Those three starts counted; 57 more through the execute API on all instances reach 60, and the next is refused.
        var clients = await Task.WhenAll(instances.All.Select(i => FunctionsApiClient.ForAsync(i, FunctionsApiClient.Alice)));
        var apiName = await FunctionsApiClient.DeployAsync(clients[0], "return 1;");
        for (var n = 0; n < 57; n++)
        {
            var response = await clients[n % 3].PostAsync(FunctionsApiClient.Execute(apiName), null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var refused = await clients[1].PostAsync(FunctionsApiClient.Execute(apiName), null);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("You started 60 runs in the last minute", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    // SEC-28
    [Fact]
    public async Task The_execute_api_limit_of_sixty_a_minute_counts_calls_on_every_instance()
    {
        using var instances = new SharedInstances(new Dictionary<string, string> { [$"{FunctionRunGateOptions.Section}:MaxStartsPerMinutePerUser"] = "1000" });
        var clients = await Task.WhenAll(instances.All.Select(i => FunctionsApiClient.ForAsync(i, FunctionsApiClient.Alice)));
        var apiName = await FunctionsApiClient.DeployAsync(clients[0], "return 1;");

        var answers = new List<HttpStatusCode>();
        for (var n = 0; n < 61; n++)
        {
            answers.Add((await clients[n % 3].PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);
        }

        Assert.All(answers.Take(60), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[60]);
        var again = await clients[2].PostAsync(FunctionsApiClient.Execute(apiName), null);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("the limit is 60 per minute per user", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(again.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    // SEC-28
    [Fact]
    public async Task The_execute_api_limit_of_sixty_a_minute_per_api_key_counts_calls_with_that_key_on_every_instance()
    {
        using var instances = new SharedInstances(new Dictionary<string, string>
        {
            [ExecuteRateLimiter.ConfigurationKey] = "1000",
            [$"{FunctionRunGateOptions.Section}:MaxStartsPerMinutePerUser"] = "1000",
        });
        using var alice = await FunctionsApiClient.ForAsync(instances.All[0], FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        var key = await FunctionsApiClient.EnableKeyAsync(instances.All[0], apiName);
        var callers = instances.All.Select(i => FunctionsApiClient.WithKey(i, key)).ToList();

        var answers = new List<HttpStatusCode>();
        for (var n = 0; n < 61; n++)
        {
            answers.Add((await callers[n % 3].PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);
        }

        Assert.All(answers.Take(60), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[60]);
        var again = await callers[2].PostAsync(FunctionsApiClient.Execute(apiName), null);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("the limit is 60 per minute per API key", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        callers.ForEach(c => c.Dispose());
    }
}
