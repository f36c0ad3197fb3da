using System.Security.Claims;
using Portal.Connections.Api;

namespace Portal.Web.Functions.Schedules;

/// <summary>
/// The principal a firing runs as: the run-as user with their roles read fresh from Identity, as a personal access
/// token or an API key would be, so a deleted or admin-locked user's schedules stop at their next firing (SEC-38).
/// </summary>
internal sealed class ScheduleRunAs(IConnectionsUserDirectory users)
{
    public const string AuthenticationType = "Schedule";

    /// <summary>The principal, or null with a sentence saying why the schedule cannot run as that user.</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Refusal)> CreateAsync(string userId, CancellationToken ct = default)
    {
        var roles = await users.GetRolesAsync(userId, ct);
        var email = roles is null ? null : await users.GetEmailAsync(userId, ct);
        if (roles is null)
        {
            return (null, "The user this schedule runs as was deleted or locked by an admin, so it did not run. Edit the schedule and choose who it runs as, or unlock the user.");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId) };
        if (email is not null)
        {
            claims.Add(new Claim(ClaimTypes.Name, email));
        }

        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
        return FunctionPermissions.CanRun(principal)
            ? (principal, null)
            : (null, $"{email ?? "The run-as user"} has no portal role that may run functions, so the schedule did not run. Ask an admin to give them a role, or choose who it runs as.");
    }
}
