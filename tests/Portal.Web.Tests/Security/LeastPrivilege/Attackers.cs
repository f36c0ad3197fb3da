using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Identity;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security.LeastPrivilege;

/// <summary>The people of issue 15's attacks and what they do over HTTP: extra accounts, connections, deploys, executions.</summary>
internal static class Attackers
{
    public const string Carol = "carol@portal.local";
    public const string SecondAdmin = "root2@portal.local";

    /// <summary>A signed-up account with one role (carol the second Developer, a second admin…); idempotent.</summary>
    public static async Task<string> EnsureUserAsync(PortalWebFactory factory, string email, string role)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
            var created = await users.CreateAsync(user, DemoAccounts.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return user.Id;
    }

    public static async Task<ConnectionsUser> ConnectionsUserAsync(PortalWebFactory factory, string email) =>
        ConnectionsUser.From(await FunctionsApiClient.PrincipalAsync(factory, email))!;

    /// <summary>An owner-mode (or shared) connection created by <paramref name="ownerEmail"/> through the REST API.</summary>
    public static async Task CreateConnectionAsync(PortalWebFactory factory, string ownerEmail, string link, string serviceId, ConnectionMode mode = ConnectionMode.OwnerCredentials, string[]? scopes = null)
    {
        using var owner = await FunctionsApiClient.ForAsync(factory, ownerEmail);
        var response = await owner.PostAsJsonAsync("/api/v1/connections", new { name = link, linkName = link, serviceId, mode = mode.ToString(), scopes });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task GrantAsync(PortalWebFactory factory, string link, string granteeEmail, string byEmail = PortalWebFactory.AdminEmail)
    {
        var grantee = await FunctionsApiClient.UserIdAsync(factory, granteeEmail);
        await factory.Services.GetRequiredService<IConnectionUseGrants>().GrantAsync(link, grantee, await ConnectionsUserAsync(factory, byEmail));
    }

    /// <summary>POST …/actions/execute and the envelope's message (or output) — what a caller of the REST API sees.</summary>
    public static async Task<(int Status, JsonElement Body)> ExecuteAsync(HttpClient caller, string apiName)
    {
        using var response = await caller.PostAsync(FunctionsApiClient.Execute(apiName), null);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static string Message(JsonElement body) => body.GetProperty("message").GetString()!;

    /// <summary>The last run of a function as an admin sees it, HTTP trace included.</summary>
    public static async Task<FunctionRunRecord> LastRunAsync(PortalWebFactory factory, string apiName)
    {
        var admin = await FunctionsApiClient.PrincipalAsync(factory, PortalWebFactory.AdminEmail);
        using var scope = factory.Services.CreateScope();
        var functions = scope.ServiceProvider.GetRequiredService<IFunctionService>();
        var function = (await functions.GetAsync(admin, apiName))!;
        return (await functions.ListRunsAsync(admin, function.Id))[0];
    }

    public static async Task<ClaimsPrincipal> PrincipalAsync(PortalWebFactory factory, string email) => await FunctionsApiClient.PrincipalAsync(factory, email);
}
