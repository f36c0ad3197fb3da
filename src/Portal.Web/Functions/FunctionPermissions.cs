using System.Security.Claims;
using Portal.Web.Identity;

namespace Portal.Web.Functions;

public static class FunctionPermissions
{
    /// <summary>Developers and Admins write functions; Users only run them.</summary>
    public static bool CanEdit(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Developer);

    public static bool CanRun(ClaimsPrincipal user) => CanEdit(user) || user.IsInRole(Roles.User);

    /// <summary>Admins see everyone's runs; others only their own (SEC-30).</summary>
    public static bool SeesAllRuns(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>
    /// Private functions are seen by their owner and by Admins only; Admins see everything so they can
    /// support and clean up, as they already see everyone's runs.
    /// </summary>
    public static bool CanSee(ClaimsPrincipal user, string ownerUserId, FunctionVisibility visibility) =>
        visibility == FunctionVisibility.Shared || SeesAllFunctions(user) || (ownerUserId.Length > 0 && ownerUserId == UserId(user));

    public static bool SeesAllFunctions(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>The function's owner (while a Developer) or an Admin: visibility and the API key.</summary>
    public static bool CanManage(ClaimsPrincipal user, string ownerUserId) =>
        user.IsInRole(Roles.Admin) || (CanEdit(user) && ownerUserId.Length > 0 && ownerUserId == UserId(user));

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
}
