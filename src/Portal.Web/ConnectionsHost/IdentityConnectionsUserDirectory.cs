using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Api;
using Portal.Web.Data;
using Portal.Web.Identity;

namespace Portal.Web.ConnectionsHost;

/// <summary>
/// Roles and email of a token or API-key holder. Cached per user (issue #18) and read again after any write to the users
/// or roles tables (<see cref="DataChanges"/>), so a locked or deleted user's tokens stop working at once.
/// </summary>
/// <remarks>Wrong passwords lock password sign-in only: anyone can type them, so they must not switch off tokens and keys (SEC-38).</remarks>
internal sealed class IdentityConnectionsUserDirectory(IDbContextFactory<PortalDbContext> dbFactory) : IConnectionsUserDirectory
{
    private readonly GenerationCache<string, Holder?> holders = new(DataTables.Identity, StringComparer.Ordinal);

    public async Task<IReadOnlyList<string>?> GetRolesAsync(string userId, CancellationToken cancellationToken = default) =>
        await FindAsync(userId, cancellationToken) is { Locked: false } holder ? holder.Roles : null;

    public async Task<string?> GetEmailAsync(string userId, CancellationToken cancellationToken = default) =>
        (await FindAsync(userId, cancellationToken))?.Email;

    private ValueTask<Holder?> FindAsync(string userId, CancellationToken cancellationToken) =>
        holders.GetAsync(userId, dbFactory, static async (id, factory, ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Email, u.LockoutEnd }).FirstOrDefaultAsync(ct);
            if (user is null)
            {
                return null;
            }

            var roles = await (from ur in db.UserRoles
                               join r in db.Set<IdentityRole>() on ur.RoleId equals r.Id
                               where ur.UserId == id
                               select r.Name!).ToListAsync(ct);
            return new Holder(user.Email, AccountLock.IsLockedByAdmin(user.LockoutEnd), roles);
        }, cancellationToken);

    private sealed record Holder(string? Email, bool Locked, IReadOnlyList<string> Roles);
}
