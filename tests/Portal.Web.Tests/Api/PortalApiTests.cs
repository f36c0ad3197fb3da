using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Api;
using Portal.Connections.Catalog;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Api;

/// <summary>The /api/v1 surface as wired into the real portal host (the engine's own tests cover every endpoint).</summary>
public sealed class PortalApiTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    // SEC-30
    [Fact]
    public async Task Api_without_a_token_answers_401_not_a_login_redirect()
    {
        using var client = LoginClient.CreateClient(factory);

        var response = await client.GetAsync("/api/v1/connections");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_personal_access_token_lists_services_and_creates_a_connection_for_its_owner()
    {
        using var client = await ClientForAsync("alice@portal.local");

        var services = await client.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var created = await client.PostAsJsonAsync("/api/v1/connections", new { name = "Alice GitHub", serviceId = "github", scopes = new[] { "repo" } });
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/v1/connections?scope=my");

        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("descriptor").GetProperty("id").GetString() == "github");
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        Assert.Contains(mine.EnumerateArray(), c => c.GetProperty("linkName").GetString() == "alice_github");
    }

    // SEC-30
    [Fact]
    public async Task Another_users_connection_is_not_found_through_the_api()
    {
        using var alice = await ClientForAsync("alice@portal.local");
        using var bob = await ClientForAsync("bob@portal.local");
        await alice.PostAsJsonAsync("/api/v1/connections", new { name = "Alice Private", serviceId = "github", scopes = new[] { "repo" } });

        var response = await bob.GetAsync("/api/v1/connections/alice_private");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // SEC-21
    [Fact]
    public async Task Tokens_are_stored_hashed()
    {
        using var scope = factory.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IPersonalAccessTokens>();
        var userId = await UserIdAsync("bob@portal.local");

        var created = await tokens.CreateAsync(userId, "hash-check");

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var raw = await db.Database.SqlQueryRaw<string>("SELECT TokenHash AS Value FROM PersonalAccessTokens").ToListAsync();
        Assert.DoesNotContain(raw, r => r.Contains(created.Token[IPersonalAccessTokens.TokenPrefix.Length..], StringComparison.Ordinal));
    }

    private async Task<HttpClient> ClientForAsync(string email)
    {
        await ConfigureGitHubAsync();
        using var scope = factory.Services.CreateScope();
        var token = await scope.ServiceProvider.GetRequiredService<IPersonalAccessTokens>().CreateAsync(await UserIdAsync(email), "test");
        var client = LoginClient.CreateClient(factory);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    private async Task ConfigureGitHubAsync()
    {
        var catalog = factory.Services.GetRequiredService<IServiceCatalog>();
        var result = await catalog.ConfigureDefaultAsync(
            "github", new DefaultServiceSettings { ClientId = "portal-test-client", ClientSecret = "portal-test-secret" }, await UserIdAsync(PortalWebFactory.AdminEmail));
        Assert.True(result.Succeeded);
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }
}
