using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Audit;

/// <summary>Reads the audit log for the admin page and its CSV export.</summary>
public sealed class AuditQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int PageLimit = 1000;

    public async Task<IReadOnlyList<AuditEvent>> SearchAsync(AuditFilter filter, int limit = PageLimit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            query = query.Where(e => e.ActorEmail != null && e.ActorEmail.Contains(filter.User));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(e => e.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            query = query.Where(e => e.TargetId != null && e.TargetId.Contains(filter.Target));
        }

        // SQLite stores DateTimeOffset as text, so date bounds are applied after the id-ordered read.
        var rows = await query.OrderByDescending(e => e.Id).Take(limit * 4).ToListAsync(ct);
        return rows
            .Where(e => filter.From is not { } from || DateOnly.FromDateTime(e.At.UtcDateTime) >= from)
            .Where(e => filter.To is not { } to || DateOnly.FromDateTime(e.At.UtcDateTime) <= to)
            .Take(limit)
            .ToList();
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEvents.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    public static string ToCsv(IEnumerable<AuditEvent> events)
    {
        var csv = new StringBuilder("at_utc,actor,action,target_type,target,details\n");
        foreach (var e in events)
        {
            csv.AppendJoin(',', [
                Field(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                Field(e.ActorEmail ?? "system"), Field(e.Action), Field(e.TargetType), Field(e.TargetId), Field(e.Details)]);
            csv.Append('\n');
        }

        return csv.ToString();
    }

    // Quotes every field and neutralises spreadsheet formulas, so an exported value cannot run in Excel.
    private static string Field(string? value)
    {
        value ??= "";
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
