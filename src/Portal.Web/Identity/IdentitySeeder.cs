using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Web.Data;

namespace Portal.Web.Identity;

/// <summary>Creates the roles, the first admin and (with --demo) the demo users. Idempotent.</summary>
internal sealed class IdentitySeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<PortalOptions> options,
    ConsoleAnnouncer announcer,
    TimeProvider time,
    ILogger<IdentitySeeder> logger)
{
    public const string DefaultAdminEmail = "admin@portal.local";

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        await SeedAdminAsync();
        if (options.Value.Demo)
        {
            foreach (var (email, name, role) in DemoAccounts.Users)
            {
                await EnsureUserAsync(email, name, role, DemoAccounts.Password, mustChangePassword: false);
            }
        }
    }

    private async Task SeedAdminAsync()
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var configured = options.Value.Admin;
        var email = string.IsNullOrWhiteSpace(configured.Email) ? DefaultAdminEmail : configured.Email.Trim();
        if (!string.IsNullOrEmpty(configured.Password))
        {
            await EnsureUserAsync(email, "Administrator", Roles.Admin, configured.Password, mustChangePassword: false);
            logger.LogInformation("Seeded the admin account {Email} from configuration", email);
            return;
        }

        var password = GeneratePassword();
        await EnsureUserAsync(email, "Administrator", Roles.Admin, password, mustChangePassword: true);
        // Printed to the console only, never to a log sink (SEC-20); it must be changed at first login.
        announcer.Announce(
            $"""

            ================================================================
             Portal admin account created
               email:    {email}
               password: {password}
             You will be asked to choose a new password at first login.
             This password is shown only once.
            ================================================================

            """);
    }

    private async Task EnsureUserAsync(string email, string displayName, string role, string password, bool mustChangePassword)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                MustChangePassword = mustChangePassword,
                CreatedAt = time.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, password), $"create user {email}");
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role), $"add {email} to role {role}");
        }
    }

    internal static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return "P-" + RandomNumberGenerator.GetString(alphabet, 18);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}. Check the Portal:Admin settings.");
        }
    }
}
