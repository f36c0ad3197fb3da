using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Api;
using Portal.Web.Data;

namespace Portal.Web.Connections;

/// <summary>Roles of a personal-access-token holder, read fresh so a locked or deleted user's tokens stop working at once.</summary>
internal sealed class IdentityConnectionsUserDirectory(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time) : IConnectionsUserDirectory
{
    public async Task<IReadOnlyList<string>?> GetRolesAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || (user.LockoutEnd is { } end && end > time.GetUtcNow()))
        {
            return null;
        }

        return await (from ur in db.UserRoles
                      join r in db.Set<IdentityRole>() on ur.RoleId equals r.Id
                      where ur.UserId == userId
                      select r.Name!).ToListAsync(cancellationToken);
    }
}
