using System.Security.Claims;
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

/// <summary>
/// invokeUrl's credential path caches the connection, its grants, its service and the decrypted credential (issue #18 item 2).
/// Every change that matters is seen by the very next call: each test first makes a call that fills the cache, then changes
/// something through the portal's own services, then calls again: SEC-33 (use grants) holds with the cache.
/// </summary>
public sealed class InvokeUrlCredentialCacheTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    private const string GoodKey = "sandbox-weather-demo-key";

    [Fact]
    public async Task Editing_the_api_key_makes_the_next_call_use_the_new_key()
    {
        var alice = await PrincipalAsync("alice@portal.local");
        await CreateWeatherConnectionAsync(alice, "cache_key_edit", "wrong-key-1234567890");
        Assert.Equal("401", await StatusAsync(alice, "cache_key_edit"));
        Assert.Equal("401", await StatusAsync(alice, "cache_key_edit"));

        await AuthorizeAsync(alice, "cache_key_edit", GoodKey);
        Assert.Equal("200", await StatusAsync(alice, "cache_key_edit"));

        await AuthorizeAsync(alice, "cache_key_edit", "wrong-key-again-1234567890");
        Assert.Equal("401", await StatusAsync(alice, "cache_key_edit"));
    }

    [Fact]
    public async Task Revoking_makes_the_next_call_fail_before_anything_is_sent()
    {
        var alice = await PrincipalAsync("alice@portal.local");
        await CreateWeatherConnectionAsync(alice, "cache_revoke", GoodKey);
        Assert.Equal("200", await StatusAsync(alice, "cache_revoke"));

        Assert.True(await factory.Services.GetRequiredService<IConnectionManager>().RevokeAsync("cache_revoke", ConnectionsUser.From(alice)!));
        var run = await RunAsync(alice, Call("cache_revoke"));

        Assert.NotNull(run.ErrorMessage);
        Assert.Contains("cache_revoke", run.ErrorMessage, StringComparison.Ordinal);
        Assert.True(Assert.Single(run.HttpTrace).NotSent);
    }

    [Fact]
    public async Task Deleting_the_connection_makes_the_next_call_fail()
    {
        var alice = await PrincipalAsync("alice@portal.local");
        await CreateWeatherConnectionAsync(alice, "cache_delete", GoodKey);
        Assert.Equal("200", await StatusAsync(alice, "cache_delete"));

        var deleted = await factory.Services.GetRequiredService<IConnectionManager>().DeleteAsync("cache_delete", ConnectionsUser.From(alice)!, force: true);
        Assert.True(deleted.Deleted);
        var run = await RunAsync(alice, Call("cache_delete"));

        Assert.NotNull(run.ErrorMessage);
        Assert.True(Assert.Single(run.HttpTrace).NotSent);
    }

    [Fact]
    public async Task Removing_a_grant_makes_the_next_call_by_the_grantee_refused()
    {
        var alice = await PrincipalAsync("alice@portal.local");
        await Portal.Web.Tests.Security.LeastPrivilege.Attackers.EnsureUserAsync(factory, "dave.cache@portal.local", Portal.Web.Identity.Roles.Developer);
        var bob = await PrincipalAsync("dave.cache@portal.local");
        await CreateWeatherConnectionAsync(alice, "cache_grant", GoodKey);
        var grants = factory.Services.GetRequiredService<IConnectionUseGrants>();
        var bobId = bob.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var refusedBefore = await RunAsync(bob, Call("cache_grant"));
        await grants.GrantAsync("cache_grant", bobId, ConnectionsUser.From(alice)!);
        Assert.Equal("200", await StatusAsync(bob, "cache_grant"));

        Assert.True(await grants.RevokeAsync("cache_grant", bobId, ConnectionsUser.From(alice)!));
        var refused = await RunAsync(bob, Call("cache_grant"));

        Assert.NotNull(refusedBefore.ErrorMessage);
        Assert.NotNull(refused.ErrorMessage);
        Assert.Equal(refusedBefore.ErrorMessage, refused.ErrorMessage);
        Assert.True(Assert.Single(refused.HttpTrace).NotSent);
    }

    [Fact]
    public async Task Disabling_the_service_makes_the_next_call_fail()
    {
        var alice = await PrincipalAsync("alice@portal.local");
        await CreateWeatherConnectionAsync(alice, "cache_service", GoodKey);
        Assert.Equal("200", await StatusAsync(alice, "cache_service"));

        var catalog = factory.Services.GetRequiredService<Portal.Connections.Catalog.IServiceCatalog>();
        var admin = (await PrincipalAsync(PortalWebFactory.AdminEmail)).FindFirstValue(ClaimTypes.NameIdentifier)!;
        Assert.True((await catalog.ConfigureDefaultAsync("sandbox_weather", new Portal.Connections.Catalog.DefaultServiceSettings { Enabled = false }, admin)).Succeeded);
        try
        {
            var run = await RunAsync(alice, Call("cache_service"));
            Assert.NotNull(run.ErrorMessage);
            Assert.Contains("disabled", run.ErrorMessage, StringComparison.Ordinal);
        }
        finally
        {
            await catalog.ConfigureDefaultAsync("sandbox_weather", new Portal.Connections.Catalog.DefaultServiceSettings { Enabled = true }, admin);
        }
    }

    private string Call(string link) => $$"""
        r = invokeUrl [ url: "{{factory.SandboxUrl}}/api/weather/v1/forecast?city=Lisbon" type: GET connection: "{{link}}" detailed: true ];
        return r.get("responseCode");
        """;

    private async Task<string?> StatusAsync(ClaimsPrincipal user, string link)
    {
        var run = await RunAsync(user, Call(link));
        Assert.Null(run.ErrorMessage);
        return run.ReturnValueJson;
    }

    private async Task CreateWeatherConnectionAsync(ClaimsPrincipal owner, string link, string key)
    {
        var connections = factory.Services.GetRequiredService<IConnectionManager>();
        var created = await connections.CreateAsync(
            new CreateConnectionRequest { Name = link, LinkName = link, ServiceId = "sandbox_weather", Mode = ConnectionMode.OwnerCredentials },
            ConnectionsUser.From(owner)!);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        await AuthorizeAsync(owner, link, key);
    }

    private Task AuthorizeAsync(ClaimsPrincipal owner, string link, string key) =>
        factory.Services.GetRequiredService<IConnectionAuthorizer>().AuthorizeWithApiKeyAsync(
            link, owner.FindFirstValue(ClaimTypes.NameIdentifier)!, new Dictionary<string, string> { ["X-Weather-Key"] = key });

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
