using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Api;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Keys;
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
        var token = await scope.ServiceProvider.GetRequiredService<IPersonalAccessTokens>().CreateAsync(user!.Id, "functions-api-test");
        var client = LoginClient.CreateClient(factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    public static async Task<string> UserIdAsync(PortalWebFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>The signed-in principal of a seeded user as the portal builds it (id, email, roles).</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(PortalWebFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, email) };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>Generates (or regenerates) the function's API key as <paramref name="email"/> and returns the key shown once.</summary>
    public static async Task<string> EnableKeyAsync(PortalWebFactory factory, string apiName, string email = Alice)
    {
        var result = await WithKeysAsync(factory, apiName, email, (keys, user, id) => keys.GenerateAsync(user, id));
        Assert.True(result.Succeeded, result.Error);
        return result.Key!;
    }

    public static async Task<FunctionApiKeyResult> WithKeysAsync(PortalWebFactory factory, string apiName, string email, Func<FunctionApiKeyService, ClaimsPrincipal, int, Task<FunctionApiKeyResult>> action)
    {
        var user = await PrincipalAsync(factory, email);
        var admin = await PrincipalAsync(factory, PortalWebFactory.AdminEmail);
        using var scope = factory.Services.CreateScope();
        var function = await scope.ServiceProvider.GetRequiredService<IFunctionService>().GetAsync(admin, apiName);
        return await action(scope.ServiceProvider.GetRequiredService<FunctionApiKeyService>(), user, function!.Id);
    }

    /// <summary>A client without a token that sends <paramref name="key"/> in the X-Portal-Api-Key header.</summary>
    public static HttpClient WithKey(PortalWebFactory factory, string key)
    {
        var client = LoginClient.CreateClient(factory);
        client.DefaultRequestHeaders.Add("X-Portal-Api-Key", key);
        return client;
    }

    /// <summary>Deploys a private function as <paramref name="developer"/>.</summary>
    public static async Task<string> DeployPrivateAsync(HttpClient developer, string code)
    {
        var apiName = "fp_" + Guid.NewGuid().ToString("N")[..12];
        var response = await developer.PostAsJsonAsync("/api/v1/functions", new { name = apiName, api_name = apiName, code, visibility = "private" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return apiName;
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
