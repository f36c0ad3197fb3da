using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Functions.Running;

/// <summary>Deletes runs older than the retention period; called after storing runs and hourly.</summary>
public sealed class FunctionRunPruner(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow().AddDays(-FunctionRunRetention.Days);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FunctionRuns.Where(r => r.StartedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
