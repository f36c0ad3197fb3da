using System.Security.Claims;

namespace Portal.Web.Functions;

/// <summary>Used until the connections engine registers its own directory.</summary>
internal sealed class EmptyConnectionDirectory : IConnectionDirectory
{
    public Task<IReadOnlyList<ConnectionChoice>> ListForUserAsync(ClaimsPrincipal user, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ConnectionChoice>>([]);
}
