using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Identity;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Users;

namespace Portal.Web.Tests.Security.Identity;

public sealed class LockoutScopeTests(LoopbackPortalWebFactory factory) : IClassFixture<LoopbackPortalWebFactory>
{
    // SEC-38 (F6): anyone can type five wrong passwords for an email; that must not switch off the owner's automation.
    [Fact]
    public async Task Five_wrong_passwords_from_a_stranger_stop_password_sign_in_but_not_the_users_token_or_function_key()
    {
        var (email, _) = await PortalAccounts.CreateAsync(factory, Roles.Developer);
        using var developer = await factory.CreateTokenClientAsync(email);
        var apiName = await FunctionsApiClient.DeployAsync(developer, "return zoho.loginuser;");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName, email);
        using var stranger = factory.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            await LoginForm.PostAsync(stranger, email, "wrong-password-" + i);
        }

        var rightPassword = await LoginForm.PostAsync(stranger, email, PortalAccounts.Password);
        var byToken = await developer.GetAsync("/api/v1/functions");
        using var byKey = factory.CreateKeyClient(key);
        var keyRun = await byKey.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.EndsWith("/Account/Lockout", rightPassword.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyRun.StatusCode);
    }

    // SEC-38 (F8): an admin's lock is the one that stops tokens and keys, at once.
    [Fact]
    public async Task An_admins_lock_stops_the_users_token_and_function_key_at_once()
    {
        var (email, id) = await PortalAccounts.CreateAsync(factory, Roles.Developer);
        using var developer = await factory.CreateTokenClientAsync(email);
        var apiName = await FunctionsApiClient.DeployAsync(developer, "return 1;");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName, email);
        using (var scope = factory.Services.CreateScope())
        {
            var locked = await scope.ServiceProvider.GetRequiredService<IUserAdminService>().SetLockedAsync(await PortalAccounts.AdminAsync(factory), id, locked: true);
            Assert.True(locked.Succeeded, locked.Error);
        }

        var byToken = await developer.GetAsync("/api/v1/functions");
        using var byKey = factory.CreateKeyClient(key);
        var keyRun = await byKey.PostAsync(FunctionsApiClient.Execute(apiName), null);

        Assert.Equal(HttpStatusCode.Unauthorized, byToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, keyRun.StatusCode);
    }
}
