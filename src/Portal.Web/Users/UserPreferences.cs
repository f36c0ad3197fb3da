using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Users;

/// <summary>Per-user UI preferences stored on the user row, so they follow the user across browsers.</summary>
public sealed class UserPreferences(AuthenticationStateProvider auth, IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<bool> GetDarkModeAsync()
    {
        var userId = await CurrentUserIdAsync();
        if (userId is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync();
    }

    public async Task SetDarkModeAsync(bool dark)
    {
        var userId = await CurrentUserIdAsync();
        if (userId is null)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark));
    }

    private async Task<string?> CurrentUserIdAsync() =>
        (await auth.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier);
}
