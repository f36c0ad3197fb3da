using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Scripting;
using Portal.Web.Data;

namespace Portal.Web.Functions;

/// <summary>standalone.api_name(…) → the saved function's current code; compiled once per saved revision.</summary>
internal sealed class SavedFunctionResolver(IDbContextFactory<PortalDbContext> dbFactory) : IFunctionResolver
{
    private static readonly ConcurrentDictionary<(int Id, Guid Stamp), ResolvedFunction> Cache = new();

    public async ValueTask<ResolvedFunction?> ResolveAsync(string apiName, CancellationToken cancellationToken)
    {
        var normalized = apiName.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var function = await db.Functions.AsNoTracking()
            .Where(f => f.ApiName == normalized)
            .Select(f => new { f.Id, f.ConcurrencyStamp, f.Code, f.ArgumentsJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (function is null)
        {
            return null;
        }

        if (Cache.Count > 500)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd((function.Id, function.ConcurrencyStamp), _ => new ResolvedFunction(
            ScriptEngine.Compile(function.Code),
            [.. FunctionMapping.ReadArguments(function.ArgumentsJson).Select(a => a.Name)]));
    }
}
