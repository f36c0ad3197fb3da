using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Api;
using Portal.Web.Data;
using Portal.Web.Identity;

namespace Portal.Web.Connections;

/// <summary>Roles of a personal-access-token holder, read fresh so a locked or deleted user's tokens stop working at once.</summary>
/// <remarks>Wrong passwords lock password sign-in only: anyone can type them, so they must not switch off tokens and keys (SEC-38).</remarks>
internal sealed class IdentityConnectionsUserDirectory(IDbContextFactory<PortalDbContext> dbFactory) : IConnectionsUserDirectory
{
    public async Task<IReadOnlyList<string>?> GetRolesAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || AccountLock.IsLockedByAdmin(user.LockoutEnd))
        {
            return null;
        }

        return await (from ur in db.UserRoles
                      join r in db.Set<IdentityRole>() on ur.RoleId equals r.Id
                      where ur.UserId == userId
                      select r.Name!).ToListAsync(cancellationToken);
    }

    public async Task<string?> GetEmailAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
    }
}
