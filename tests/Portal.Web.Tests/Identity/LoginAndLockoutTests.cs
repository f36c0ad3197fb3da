using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Identity;

public sealed class LoginAndLockoutTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task Configured_admin_can_log_in_and_reach_the_users_page()
    {
        using var client = LoginClient.CreateClient(factory);

        var login = await LoginClient.PostLoginAsync(client, PortalWebFactory.AdminEmail, PortalWebFactory.AdminPassword);
        var users = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    // SEC-29
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        await CreateUserAsync("lock-me@test.local", "correct-horse-1");
        using var client = LoginClient.CreateClient(factory);

        for (var i = 0; i < 5; i++)
        {
            await LoginClient.PostLoginAsync(client, "lock-me@test.local", "wrong-password");
        }

        var afterLockout = await LoginClient.PostLoginAsync(client, "lock-me@test.local", "correct-horse-1");

        Assert.EndsWith("/Account/Lockout", afterLockout.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("lock-me@test.local");
        Assert.True(await users.IsLockedOutAsync(user!));
        Assert.InRange(user!.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5.1));
    }

    // SEC-29
    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_answer()
    {
        await CreateUserAsync("known@test.local", "correct-horse-2");
        using var client = LoginClient.CreateClient(factory);

        var wrongPassword = await LoginClient.FollowAsync(client, await LoginClient.PostLoginAsync(client, "known@test.local", "nope-nope-nope"));
        var unknownEmail = await LoginClient.FollowAsync(client, await LoginClient.PostLoginAsync(client, "nobody@test.local", "nope-nope-nope"));

        Assert.Contains("do not match an active account", wrongPassword, StringComparison.Ordinal);
        Assert.Contains("do not match an active account", unknownEmail, StringComparison.Ordinal);
    }

    // SEC-29
    [Fact]
    public async Task Password_policy_asks_for_length_not_composition()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var tooShort = await users.CreateAsync(new ApplicationUser { UserName = "short@test.local", Email = "short@test.local" }, "abc1234");
        var longLowercase = await users.CreateAsync(new ApplicationUser { UserName = "long@test.local", Email = "long@test.local" }, "alllowercase");

        Assert.False(tooShort.Succeeded);
        Assert.True(longLowercase.Succeeded);
    }

    [Fact]
    public async Task Demo_users_are_seeded_with_their_roles()
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var alice = await users.FindByEmailAsync("alice@portal.local");
        var bob = await users.FindByEmailAsync("bob@portal.local");

        Assert.True(await users.IsInRoleAsync(alice!, Roles.Developer));
        Assert.True(await users.IsInRoleAsync(bob!, Roles.User));
        Assert.True(await users.CheckPasswordAsync(bob!, DemoAccounts.Password));
    }

    private async Task CreateUserAsync(string email, string password)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.User);
    }
}
