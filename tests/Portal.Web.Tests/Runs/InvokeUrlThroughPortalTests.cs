using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Runs;

/// <summary>invokeUrl from a function run through the real portal wiring: credentials, egress filter, trace.</summary>
public sealed class InvokeUrlThroughPortalTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    [Fact]
    public async Task An_api_key_connection_injects_its_key_and_the_trace_masks_it()
    {
        var alice = await PrincipalAsync("alice@portal.local");
        await CreateWeatherConnectionAsync(alice, "weather_alice");

        var run = await RunAsync(alice, $$"""
            r = invokeUrl [ url: "{{factory.SandboxUrl}}/api/weather/v1/forecast?city=Lisbon" type: GET connection: "weather_alice" ];
            return r.get("city");
            """);

        Assert.Null(run.ErrorMessage);
        Assert.Equal("\"Lisbon\"", run.ReturnValueJson);
        var call = Assert.Single(run.HttpTrace);
        Assert.Equal(200, call.StatusCode);
        Assert.DoesNotContain("sandbox-weather-demo-key", JsonSerializer.Serialize(run.HttpTrace), StringComparison.Ordinal);
    }

    // SEC-12
    [Fact]
    public async Task A_connection_is_not_sent_to_a_url_outside_its_service()
    {
        var alice = await PrincipalAsync("alice@portal.local");
        await CreateWeatherConnectionAsync(alice, "weather_scope");

        var run = await RunAsync(alice, $$"""
            r = invokeUrl [ url: "{{factory.SandboxUrl}}/api/echo/steal" type: GET connection: "weather_scope" ];
            return r;
            """);

        Assert.NotNull(run.ErrorMessage);
        Assert.Contains("weather_scope", run.ErrorMessage, StringComparison.Ordinal);
    }

    // SEC-22
    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://127.0.0.1:22/", "127.0.0.1")]
    [InlineData("http://10.0.0.5/admin", "10.0.0.5")]
    public async Task Scripts_cannot_reach_internal_addresses_and_the_error_names_the_host(string url, string host)
    {
        var alice = await PrincipalAsync("alice@portal.local");

        var run = await RunAsync(alice, $$"""
            try { r = invokeUrl [ url: "{{url}}" ]; } catch (e) { info e; }
            return "done";
            """);

        Assert.Equal("\"done\"", run.ReturnValueJson);
        var message = Assert.Single(run.Info);
        Assert.Contains(host, message, StringComparison.Ordinal);
        Assert.Contains("blocked", message, StringComparison.OrdinalIgnoreCase);
    }

    // SEC-10
    [Fact]
    public async Task A_user_who_has_not_authorized_a_shared_connection_gets_an_error_naming_it()
    {
        var alice = await PrincipalAsync("alice@portal.local");
        var bob = await PrincipalAsync("bob@portal.local");
        await CreateWeatherConnectionAsync(alice, "weather_shared", ConnectionMode.LoginUserCredentials);

        var run = await RunAsync(bob, $$"""
            r = invokeUrl [ url: "{{factory.SandboxUrl}}/api/weather/v1/forecast?city=Porto" connection: "weather_shared" ];
            return r;
            """);

        Assert.NotNull(run.ErrorMessage);
        Assert.Contains("weather_shared", run.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("/connections/weather_shared", run.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(run.HttpTrace, t => t.StatusCode != 0);
    }

    [Fact]
    public async Task Calls_to_an_unknown_or_unauthorized_connection_are_traced_as_not_sent()
    {
        var alice = await PrincipalAsync("alice@portal.local");
        var bob = await PrincipalAsync("bob@portal.local");
        await CreateWeatherConnectionAsync(alice, "weather_unsent", ConnectionMode.LoginUserCredentials);

        var unknown = await RunAsync(bob, $$"""
            r = invokeUrl [ url: "{{factory.SandboxUrl}}/api/weather/v1/forecast?city=Porto" connection: "no_such_link" ];
            return r;
            """);
        var unauthorized = await RunAsync(bob, $$"""
            r = invokeUrl [ url: "{{factory.SandboxUrl}}/api/weather/v1/forecast?city=Porto" connection: "weather_unsent" ];
            return r;
            """);
        var sent = await RunAsync(alice, $$"""
            r = invokeUrl [ url: "{{factory.SandboxUrl}}/api/weather/v1/forecast?city=Porto" connection: "weather_unsent" ];
            return r;
            """);

        Assert.True(Assert.Single(unknown.HttpTrace).NotSent);
        Assert.True(Assert.Single(unauthorized.HttpTrace).NotSent);
        Assert.False(Assert.Single(sent.HttpTrace).NotSent);
    }

    private async Task CreateWeatherConnectionAsync(ClaimsPrincipal owner, string link, ConnectionMode mode = ConnectionMode.OwnerCredentials)
    {
        var connections = factory.Services.GetRequiredService<IConnectionManager>();
        var created = await connections.CreateAsync(
            new CreateConnectionRequest { Name = link, LinkName = link, ServiceId = "sandbox_weather", Mode = mode },
            ConnectionsUser.From(owner)!);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        await factory.Services.GetRequiredService<IConnectionAuthorizer>().AuthorizeWithApiKeyAsync(
            link, owner.FindFirstValue(ClaimTypes.NameIdentifier)!, new Dictionary<string, string> { ["X-Weather-Key"] = "sandbox-weather-demo-key" });
    }

    private async Task<FunctionRunRecord> RunAsync(ClaimsPrincipal user, string code)
    {
        using var scope = factory.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IFunctionRunner>();
        return await runner.RunAsync(new FunctionRunRequest { Code = code, Arguments = [] }, user, FunctionRunOrigin.Editor);
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await principals.CreateAsync((await users.FindByEmailAsync(email))!);
    }
}
