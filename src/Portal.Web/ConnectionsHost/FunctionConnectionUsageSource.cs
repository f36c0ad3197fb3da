using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Management;
using Portal.Web.Data;

namespace Portal.Web.ConnectionsHost;

/// <summary>Which saved functions name a connection in <c>connection: "link"</c> (details page, delete warning).</summary>
internal sealed class FunctionConnectionUsageSource(IDbContextFactory<PortalDbContext> dbFactory) : IConnectionUsageSource
{
    public async Task<IReadOnlyList<ConnectionUsage>> GetUsagesAsync(string linkName, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var quoted = "\"" + linkName + "\"";
        var candidates = await db.Functions.AsNoTracking()
            .Where(f => f.Code.Contains(quoted))
            .Select(f => new { f.Id, f.Name, f.ApiName, f.Code })
            .ToListAsync(cancellationToken);
        var pattern = new Regex(@"connection\s*:\s*" + Regex.Escape(quoted), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return candidates
            .Where(f => pattern.IsMatch(f.Code))
            .Select(f => new ConnectionUsage(f.Name, f.ApiName))
            .ToList();
    }
}
