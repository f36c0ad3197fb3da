using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.Web.Tests.FunctionsApi;

public sealed class ExecuteRateLimitTests(RateLimitedPortalWebFactory factory) : IClassFixture<RateLimitedPortalWebFactory>
{
    // SEC-30
    [Fact]
    public async Task Calls_over_the_per_user_limit_are_429_with_retry_after_while_other_users_still_run()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");
        for (var i = 0; i < RateLimitedPortalWebFactory.PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);
        }

        var limited = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);
        var other = await bob.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("error", (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
