using System.Security.Claims;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Tests.Functions;

/// <summary>In-memory functions for component tests; records what the page asked for.</summary>
public sealed class FakeFunctionService : IFunctionService
{
    public List<FunctionSummary> Functions { get; } = [];

    public List<FunctionDraft> Created { get; } = [];

    public List<int> Deleted { get; } = [];

    public List<int> Duplicated { get; } = [];

    public HashSet<string> TakenApiNames { get; } = [];

    public Task<IReadOnlyList<FunctionSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<FunctionSummary>>([.. Functions]);

    public FunctionDetails? Details { get; set; }

    public Task<FunctionDetails?> GetAsync(ClaimsPrincipal user, string apiName, CancellationToken ct = default) =>
        Task.FromResult(Details?.ApiName == apiName ? Details : null);

    public List<FunctionVisibility> VisibilityChanges { get; } = [];

    public Task<FunctionResult> SetVisibilityAsync(ClaimsPrincipal user, int functionId, FunctionVisibility visibility, CancellationToken ct = default)
    {
        VisibilityChanges.Add(visibility);
        Details = Details! with { Visibility = visibility };
        return Task.FromResult(FunctionResult.Ok(Details));
    }

    public Task<string?> ValidateApiNameAsync(string apiName, int? exceptFunctionId = null, CancellationToken ct = default) =>
        Task.FromResult(FunctionApiNames.FormatError(apiName) ?? (TakenApiNames.Contains(apiName) ? $"A function with the API name {apiName} already exists. Choose another API name." : null));

    /// <summary>When set, creating throws it (a busy database, say) instead of answering.</summary>
    public Exception? CreateFailure { get; set; }

    public Task<FunctionResult> CreateAsync(ClaimsPrincipal user, FunctionDraft draft, CancellationToken ct = default)
    {
        if (CreateFailure is not null)
        {
            return Task.FromException<FunctionResult>(CreateFailure);
        }

        Created.Add(draft);
        return Task.FromResult(FunctionResult.Ok(NewDetails(draft.Name, draft.ApiName, draft.Arguments)));
    }

    /// <summary>When set, saving throws it (a busy database, say) instead of answering.</summary>
    public Exception? UpdateFailure { get; set; }

    public Task<FunctionResult> UpdateAsync(ClaimsPrincipal user, int functionId, string code, IReadOnlyList<FunctionArgument> arguments, Guid concurrencyStamp, string? message = null, CancellationToken ct = default) =>
        UpdateFailure is null ? Task.FromResult(FunctionResult.Fail("not used")) : Task.FromException<FunctionResult>(UpdateFailure);

    public Task<FunctionResult> DuplicateAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default)
    {
        Duplicated.Add(functionId);
        return Task.FromResult(FunctionResult.Ok(NewDetails("Copy", "copy", [])));
    }

    public Task<FunctionResult> DeleteAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default)
    {
        Deleted.Add(functionId);
        Functions.RemoveAll(f => f.Id == functionId);
        return Task.FromResult(FunctionResult.Ok(null));
    }

    public Task<IReadOnlyList<FunctionVersionSummary>> ListVersionsAsync(int functionId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<FunctionVersionSummary>>([]);

    public Task<FunctionResult> RestoreAsync(ClaimsPrincipal user, int functionId, int versionNumber, CancellationToken ct = default) =>
        Task.FromResult(FunctionResult.Fail("not used"));

    public Task<IReadOnlyList<FunctionRunRecord>> ListRunsAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<FunctionRunRecord>>([]);

    public static FunctionDetails NewDetails(string name, string apiName, IReadOnlyList<FunctionArgument> arguments) =>
        new(99, name, apiName, null, arguments, "", "alice", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, Guid.NewGuid(), 1);
}
