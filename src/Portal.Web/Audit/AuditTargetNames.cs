using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Audit;

/// <summary>Names for the raw ids some events store (function runs keep the function's number, user events the user's id).</summary>
public sealed class AuditTargetNames(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Readable targets keyed by event id, e.g. "function append_row" or "user bob@portal.local".</summary>
    public async Task<IReadOnlyDictionary<long, string>> DescribeAsync(IReadOnlyCollection<AuditEvent> events, CancellationToken ct = default)
    {
        var functionIds = events.Where(e => e.TargetType == "function" && int.TryParse(e.TargetId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(e => int.Parse(e.TargetId!, CultureInfo.InvariantCulture)).Distinct().ToList();
        var userIds = events.Where(e => e.TargetType == "user" && e.TargetId is not null).Select(e => e.TargetId!).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var functions = functionIds.Count == 0 ? [] : await db.Functions.AsNoTracking().Where(f => functionIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id.ToString(CultureInfo.InvariantCulture), f => f.ApiName, ct);
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, ct);

        var names = new Dictionary<long, string>();
        foreach (var e in events)
        {
            var name = e.TargetType switch
            {
                "function" when e.TargetId is not null && functions.TryGetValue(e.TargetId, out var api) => api,
                "function" when functionIds.Count > 0 && int.TryParse(e.TargetId, NumberStyles.None, CultureInfo.InvariantCulture, out _) => $"#{e.TargetId} (deleted)",
                "user" when e.TargetId is not null && users.TryGetValue(e.TargetId, out var email) => email,
                "user" when e.TargetId is not null => DeletedUser(e),
                _ => e.TargetId,
            };
            names[e.Id] = e.TargetType is null ? name ?? "" : $"{e.TargetType} {name}";
        }

        return names;
    }

    // Deleted users' events carry their email in the details (UserAdminService writes it there).
    private static string DeletedUser(AuditEvent e) => e.Details is { } d && d.Contains('@', StringComparison.Ordinal) ? $"{d.Split(' ')[0]} (deleted)" : "(deleted user)";
}
