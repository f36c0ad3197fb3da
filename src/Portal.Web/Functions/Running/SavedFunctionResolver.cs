using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Credentials;
using Portal.Scripting;
using Portal.Web.Data;

namespace Portal.Web.Functions.Running;

/// <summary>
/// standalone.api_name(…) → the saved function's current code; compiled once per saved revision.
/// Without a user only shared functions resolve; <see cref="For"/> adds the private ones that user may see.
/// </summary>
internal sealed class SavedFunctionResolver(IDbContextFactory<PortalDbContext> dbFactory) : IFunctionResolver
{
    private static readonly ConcurrentDictionary<(int Id, Guid Stamp), ResolvedFunction> Cache = new();

    public ValueTask<ResolvedFunction?> ResolveAsync(string apiName, CancellationToken cancellationToken) =>
        ResolveAsync(apiName, null, cancellationToken);

    /// <summary>
    /// A resolver for one run, seeing what <paramref name="user"/> may see. Each function it hands out joins
    /// <paramref name="connectionUse"/>: its code runs in the run from then on, so its owner and last editor count for SEC-33.
    /// </summary>
    public IFunctionResolver For(ClaimsPrincipal user, ConnectionUseContext connectionUse) => new UserResolver(this, user, connectionUse);

    private async ValueTask<ResolvedFunction?> ResolveAsync(string apiName, ClaimsPrincipal? user, CancellationToken cancellationToken, ConnectionUseContext? connectionUse = null)
    {
        var normalized = apiName.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var function = await db.Functions.AsNoTracking()
            .Where(f => f.ApiName == normalized)
            .Select(f => new { f.Id, f.ApiName, f.ConcurrencyStamp, f.Code, f.ArgumentsJson, f.OwnerUserId, f.Visibility })
            .FirstOrDefaultAsync(cancellationToken);

        // Another user's private function is "no such function", exactly like a missing one.
        if (function is null || (function.Visibility != FunctionVisibility.Shared && (user is null || !FunctionPermissions.CanSee(user, function.OwnerUserId, function.Visibility))))
        {
            return null;
        }

        if (connectionUse is not null)
        {
            connectionUse.AddCode(await FunctionCodeAuthors.ForSavedAsync(db, function.Id, function.ApiName, function.OwnerUserId, cancellationToken));
        }

        if (Cache.Count > 500)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd((function.Id, function.ConcurrencyStamp), _ => new ResolvedFunction(
            ScriptEngine.Compile(function.Code),
            [.. FunctionMapping.ReadArguments(function.ArgumentsJson).Select(a => a.Name)]));
    }

    private sealed class UserResolver(SavedFunctionResolver inner, ClaimsPrincipal user, ConnectionUseContext connectionUse) : IFunctionResolver
    {
        public ValueTask<ResolvedFunction?> ResolveAsync(string apiName, CancellationToken cancellationToken) =>
            inner.ResolveAsync(apiName, user, cancellationToken, connectionUse);
    }
}
