using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security.Identity;

/// <summary>Throw-away accounts with a known password, and the admin acting through Users &amp; Control.</summary>
internal static class PortalAccounts
{
    public const string Password = "correct-horse-battery";

    public static async Task<(string Email, string Id)> CreateAsync(PortalWebFactory factory, string role)
    {
        var email = $"u{Guid.NewGuid():N}"[..13] + "@test.local";
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return (email, user.Id);
    }

    public static async Task<AuditActor> AdminAsync(PortalWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(PortalWebFactory.AdminEmail);
        return new AuditActor(admin!.Id, admin.Email);
    }
}
