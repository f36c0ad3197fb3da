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

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
}
