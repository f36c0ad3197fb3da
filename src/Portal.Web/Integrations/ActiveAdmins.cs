using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Identity;

namespace Portal.Web.Integrations;

/// <summary>A binding lends an admin's authorization to everyone, so it only holds while that person is an active admin.</summary>
internal static class ActiveAdmins
{
    public static async Task<bool> IsActiveAdminAsync(this PortalDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.LockoutEnd }).FirstOrDefaultAsync(ct);
        // Wrong passwords (anyone can type them) must not switch off an integration; an admin's lock does.
        if (user is null || AccountLock.IsLockedByAdmin(user.LockoutEnd))
        {
            return false;
        }

        return await (from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      where ur.UserId == userId && r.Name == Roles.Admin
                      select ur).AnyAsync(ct);
    }
}
