using System.Security.Claims;

namespace Portal.Web.Variables;

/// <summary>Setup › Variables: admins keep named org values; every function reads them with zoho.crm.getOrgVariable.</summary>
public interface IOrgVariables
{
    Task<IReadOnlyList<OrgVariable>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>Creates the variable, or updates the one with this name. Returns an error message, or null when saved.</summary>
    Task<string?> SaveAsync(string name, string value, string description, ClaimsPrincipal user, CancellationToken ct = default);

    Task DeleteAsync(int id, ClaimsPrincipal user, CancellationToken ct = default);
}
