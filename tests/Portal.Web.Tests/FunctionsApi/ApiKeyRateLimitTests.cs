using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.Web.Tests.FunctionsApi;

public sealed class ApiKeyRateLimitTests(RateLimitedPortalWebFactory factory) : IClassFixture<RateLimitedPortalWebFactory>
{
    // SEC-28
    [Fact]
    public async Task Calls_over_the_per_key_limit_are_429_with_retry_after_while_the_key_owners_token_still_runs()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName);
        using var caller = FunctionsApiClient.WithKey(factory, key);
        for (var i = 0; i < RateLimitedPortalWebFactory.PerKeyPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await caller.PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);
        }

        var limited = await caller.PostAsync(FunctionsApiClient.Execute(apiName), null);
        var byToken = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);

        var json = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("per API key", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
    }
}
