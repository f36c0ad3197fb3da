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

        // A reset right after creating the admin would only replace the password just printed.
        if (!await SeedAdminAsync() && options.Value.Admin.ResetPassword)
        {
            await ResetAdminPasswordAsync();
        }

        if (options.Value.Demo)
        {
            foreach (var (email, name, role) in DemoAccounts.Users)
            {
                await EnsureUserAsync(email, name, role, DemoAccounts.Password, mustChangePassword: false);
            }
        }
    }

    /// <returns>True when the admin was created now.</returns>
    private async Task<bool> SeedAdminAsync()
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return false;
        }

        var configured = options.Value.Admin;
        var email = string.IsNullOrWhiteSpace(configured.Email) ? DefaultAdminEmail : configured.Email.Trim();
        if (!string.IsNullOrEmpty(configured.Password))
        {
            await EnsureUserAsync(email, "Administrator", Roles.Admin, configured.Password, mustChangePassword: false);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Seeded the admin account {Email} from configuration", email);
            }

            return true;
        }

        var password = GeneratePassword();
        await EnsureUserAsync(email, "Administrator", Roles.Admin, password, mustChangePassword: true);
        AnnouncePassword("Portal admin account created", email, password);
        return true;
    }

    // For an admin who missed the one-time password: same kind of password, shown the same way, to be changed at login.
    private async Task ResetAdminPasswordAsync()
    {
        var configured = options.Value.Admin.Email;
        var email = string.IsNullOrWhiteSpace(configured) ? DefaultAdminEmail : configured.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null || !await users.IsInRoleAsync(user, Roles.Admin))
        {
            throw new InvalidOperationException(
                $"Could not reset the admin password: {email} is not an admin account. Set Portal:Admin:Email to the admin's email and start again.");
        }

        var password = GeneratePassword();
        Check(await users.RemovePasswordAsync(user), $"remove the password of {email}");
        Check(await users.AddPasswordAsync(user, password), $"set a new password for {email}");
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user), $"update {email}");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogWarning(
            "The password of admin {Email} was reset at startup ({Switch} or Portal:Admin:ResetPassword); remove the switch or it is reset again at every start.",
            email, "--reset-admin-password");
        AnnouncePassword("Portal admin password reset", email, password);
    }

    // Printed to the console only, never to a log sink (SEC-20); it must be changed at first login.
    private void AnnouncePassword(string title, string email, string password) =>
        announcer.Announce(
            $"""

            ================================================================
             {title}
               email:    {email}
               password: {password}
             You will be asked to choose a new password at first login.
             This password is shown only once. Missed it? Start the portal
             once with --reset-admin-password to get a new one.
            ================================================================

            """);

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
