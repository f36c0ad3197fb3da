using System.Security.Claims;

namespace Portal.Web.Functions;

/// <summary>The connections a user may name in connection: (Insert invokeUrl dialog and completion).</summary>
public interface IConnectionDirectory
{
    Task<IReadOnlyList<ConnectionChoice>> ListForUserAsync(ClaimsPrincipal user, CancellationToken ct);
}
