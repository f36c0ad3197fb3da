using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Management;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Identity;

namespace Portal.Web.Users;

internal sealed class UserAdminService(
    UserManager<ApplicationUser> users,
    IDbContextFactory<PortalDbContext> dbFactory,
    AuditLog audit,
    IUserCredentialCleanup credentials,
    TimeProvider time) : IUserAdminService
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roleByUser = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                select new { ur.UserId, r.Name }).ToListAsync(ct);
        var rows = await db.Users.AsNoTracking().ToListAsync(ct);
        var now = time.GetUtcNow();
        return rows
            .Select(u => new UserSummary(
                u.Id,
                u.Email ?? u.UserName ?? u.Id,
                u.DisplayName,
                HighestRole(roleByUser.Where(x => x.UserId == u.Id).Select(x => x.Name!)),
                u.LockoutEnd is { } end && end > now,
                u.LockoutEnd,
                u.MustChangePassword,
                u.CreatedAt))
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<UserAdminResult> CreateAsync(AuditActor actor, string email, string? displayName, string role, string? password)
    {
        email = email.Trim();
        if (!Roles.All.Contains(role))
        {
            return UserAdminResult.Fail($"'{role}' is not a role. Choose Admin, Developer or User.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return UserAdminResult.Fail($"A user with the email {email} already exists. Pick another email or edit that user.");
        }

        var generated = string.IsNullOrEmpty(password);
        var effectivePassword = generated ? IdentitySeeder.GeneratePassword() : password!;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            MustChangePassword = true,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, effectivePassword);
        if (!created.Succeeded)
        {
            return UserAdminResult.Fail(Describe(created));
        }

        await users.AddToRoleAsync(user, role);
        await audit.RecordAsync(actor, AuditActions.UserCreated, "user", user.Id, $"{email} as {role}");
        return UserAdminResult.Ok(generated ? effectivePassword : null);
    }

    public async Task<UserAdminResult> SetRoleAsync(AuditActor actor, string userId, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return UserAdminResult.Fail($"'{role}' is not a role. Choose Admin, Developer or User.");
        }

        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserAdminResult.Fail("That user no longer exists. Refresh the list.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && role != Roles.Admin && await IsLastAdminAsync(user))
        {
            return UserAdminResult.Fail($"{user.Email} is the last admin. Make another user an admin first.");
        }

        if (current.Count == 1 && current[0] == role)
        {
            return UserAdminResult.Ok();
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, AuditActions.UserRoleChanged, "user", user.Id,
            $"{user.Email}: {string.Join(",", current)} -> {role}");
        return UserAdminResult.Ok();
    }

    public async Task<UserAdminResult> SetLockedAsync(AuditActor actor, string userId, bool locked)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserAdminResult.Fail("That user no longer exists. Refresh the list.");
        }

        if (locked && user.Id == actor.UserId)
        {
            return UserAdminResult.Fail("You cannot lock your own account.");
        }

        if (locked && await users.IsInRoleAsync(user, Roles.Admin) && await IsLastAdminAsync(user))
        {
            return UserAdminResult.Fail($"{user.Email} is the last admin and cannot be locked.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? AccountLock.ByAdminUntil : null);
        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, locked ? AuditActions.UserLocked : AuditActions.UserUnlocked, "user", user.Id, user.Email);
        return UserAdminResult.Ok();
    }

    public async Task<UserAdminResult> DeleteAsync(AuditActor actor, string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserAdminResult.Fail("That user no longer exists. Refresh the list.");
        }

        if (user.Id == actor.UserId)
        {
            return UserAdminResult.Fail("You cannot delete your own account. Ask another admin.");
        }

        if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastAdminAsync(user))
        {
            return UserAdminResult.Fail($"{user.Email} is the last admin. Make another user an admin first.");
        }

        // SEC-38: their credentials go first (revoked at the provider, then deleted), so nothing outlives the account.
        var removed = await credentials.RemoveAllAsync(user.Id);
        var keys = await DisableApiKeysEnabledByAsync(user.Id);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return UserAdminResult.Fail(Describe(deleted));
        }

        await audit.RecordAsync(actor, AuditActions.UserDeleted, "user", user.Id,
            $"{user.Email}: {removed.Authorizations} authorization(s) deleted ({removed.RevokedAtProvider} revoked at the provider), " +
            $"{removed.PersonalAccessTokens} personal access token(s) deleted, {keys} function API key(s) disabled");
        return UserAdminResult.Ok();
    }

    private async Task<int> DisableApiKeysEnabledByAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Functions.Where(f => f.ApiKeyUserId == userId).ExecuteUpdateAsync(f => f
            .SetProperty(x => x.ApiKeyHash, (string?)null)
            .SetProperty(x => x.ApiKeyPrefix, (string?)null)
            .SetProperty(x => x.ApiKeyUserId, (string?)null)
            .SetProperty(x => x.ApiKeyCreatedAt, (DateTimeOffset?)null));
    }

    private async Task<bool> IsLastAdminAsync(ApplicationUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        var now = time.GetUtcNow();
        return !admins.Any(a => a.Id != user.Id && (a.LockoutEnd is null || a.LockoutEnd <= now));
    }

    private static string HighestRole(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet();
        return Roles.All.FirstOrDefault(set.Contains) ?? Roles.User;
    }

    private static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description));
}
