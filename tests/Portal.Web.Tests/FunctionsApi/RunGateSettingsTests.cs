using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Portal.Web.Functions;
using Portal.Web.Functions.Api;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>The per-user run gate is configuration (Portal:Runs), read by the real portal (SEC-28).</summary>
public sealed class RunGateSettingsTests(RunGateSettingsTests.TwoRunsAMinuteFactory factory) : IClassFixture<RunGateSettingsTests.TwoRunsAMinuteFactory>
{
    // SEC-28
    [Fact]
    public async Task The_configured_per_minute_limit_is_what_the_execute_api_enforces()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        using var bob = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Bob);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return 1;");

        var first = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);
        var second = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);
        var third = await alice.PostAsync(FunctionsApiClient.Execute(apiName), null);
        var otherUser = await bob.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var body = await third.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("You started 2 runs in the last minute", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
    }

    [Fact]
    public void A_limit_out_of_range_stops_startup_with_a_message_naming_the_key()
    {
        using var broken = new BrokenFactory();

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        Assert.Contains("Portal:Runs:MaxConcurrentPerUser must be between 1 and 10000", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Flatten(e.InnerException);

    public sealed class TwoRunsAMinuteFactory : PortalWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"{FunctionRunGateOptions.Section}:MaxStartsPerMinutePerUser", "2");
            builder.UseSetting(ExecuteRateLimiter.ConfigurationKey, "1000");
        }
    }

    private sealed class BrokenFactory : PortalWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting($"{FunctionRunGateOptions.Section}:MaxConcurrentPerUser", "0");
        }
    }
}
