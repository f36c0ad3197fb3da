using System.Security.Claims;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions;

/// <summary>Functions, their versions and run history; every change is checked against the caller's role.</summary>
public interface IFunctionService
{
    Task<IReadOnlyList<FunctionSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default);

    /// <summary>The function if <paramref name="user"/> may see it; another user's private function is null, exactly like a missing one.</summary>
    Task<FunctionDetails?> GetAsync(ClaimsPrincipal user, string apiName, CancellationToken ct = default);

    /// <summary>Shared or private; only the owner or an Admin may change it.</summary>
    Task<FunctionResult> SetVisibilityAsync(ClaimsPrincipal user, int functionId, FunctionVisibility visibility, CancellationToken ct = default);

    /// <summary>Null when <paramref name="apiName"/> is well-formed and free; otherwise what is wrong.</summary>
    Task<string?> ValidateApiNameAsync(string apiName, int? exceptFunctionId = null, CancellationToken ct = default);

    Task<FunctionResult> CreateAsync(ClaimsPrincipal user, FunctionDraft draft, CancellationToken ct = default);

    /// <summary>Saves code (and arguments) and records a new version.</summary>
    Task<FunctionResult> UpdateAsync(ClaimsPrincipal user, int functionId, string code, IReadOnlyList<FunctionArgument> arguments, Guid concurrencyStamp, string? message = null, CancellationToken ct = default);

    Task<FunctionResult> DuplicateAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default);

    Task<FunctionResult> DeleteAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default);

    Task<IReadOnlyList<FunctionVersionSummary>> ListVersionsAsync(int functionId, CancellationToken ct = default);

    /// <summary>Makes an old version current by saving it as a new version.</summary>
    Task<FunctionResult> RestoreAsync(ClaimsPrincipal user, int functionId, int versionNumber, CancellationToken ct = default);

    /// <summary>Runs of the function the caller may see: their own, or everyone's for Admins.</summary>
    Task<IReadOnlyList<FunctionRunRecord>> ListRunsAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default);
}
