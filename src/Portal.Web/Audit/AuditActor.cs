using System.Security.Claims;

namespace Portal.Web.Audit;

public sealed record AuditActor(string? UserId, string? Email)
{
    public static AuditActor System { get; } = new(null, "system");

    public static AuditActor From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name);
}
