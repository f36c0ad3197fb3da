using System.Security.Claims;

namespace Portal.Connections;

/// <summary>The acting user as the engine sees it (Identity string id + roles).</summary>
public sealed record ConnectionsUser(string UserId, bool IsAdmin, bool IsDeveloper)
{
    /// <summary>Developers and Admins create connections and custom services.</summary>
    public bool CanCreate => IsAdmin || IsDeveloper;

    public static ConnectionsUser? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        return string.IsNullOrEmpty(id) || principal.Identity?.IsAuthenticated != true
            ? null
            : new ConnectionsUser(id, principal.IsInRole(ConnectionsRoles.Admin), principal.IsInRole(ConnectionsRoles.Developer));
    }
}
