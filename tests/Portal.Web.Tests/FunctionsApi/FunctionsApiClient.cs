using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Api;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>HTTP clients that carry a fresh personal access token for a seeded user, and a deploy helper.</summary>
internal static class FunctionsApiClient
{
    public const string Alice = "alice@portal.local";
    public const string Bob = "bob@portal.local";

    public static async Task<HttpClient> ForAsync(PortalWebFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        var token = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>().CreateAsync(user!.Id, "functions-api-test");
        var client = LoginClient.CreateClient(factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    public static async Task<string> UserIdAsync(PortalWebFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>Deploys a function through the API as alice (a Developer) under a unique API name and returns that name.</summary>
    public static async Task<string> DeployAsync(HttpClient developer, string code, params object[] arguments)
    {
        var apiName = "fn_" + Guid.NewGuid().ToString("N")[..12];
        var response = await developer.PostAsJsonAsync("/api/v1/functions", new { name = apiName, api_name = apiName, arguments, code });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return apiName;
    }

    public static string Execute(string apiName) => $"/api/v1/functions/{apiName}/actions/execute";
}
