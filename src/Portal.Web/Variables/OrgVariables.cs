using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Identity;

namespace Portal.Web.Variables;

internal sealed partial class OrgVariables(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider time) : IOrgVariables
{
    public const string AuditAction = "variable.changed";

    public async Task<IReadOnlyList<OrgVariable>> ListAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        Demand(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.OrgVariables.AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).Select(v => new OrgVariable(v.Id, v.Name, v.Value, v.Description, v.UpdatedAt, v.UpdatedByEmail))];
    }

    public async Task<string?> SaveAsync(string name, string value, string description, ClaimsPrincipal user, CancellationToken ct = default)
    {
        Demand(user);
        name = name.Trim();
        if (!NamePattern().IsMatch(name))
        {
            return $"'{name}' cannot be a variable name. Use letters, digits and underscores, starting with a letter (at most 100), e.g. Support_Email.";
        }

        if (value.Length > 4000)
        {
            return "The value is longer than 4000 characters. Shorten it, or keep large data in a record instead.";
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.OrgVariables.ToListAsync(ct);
        var row = all.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        if (row is null)
        {
            row = new OrgVariableEntity { Name = name };
            db.OrgVariables.Add(row);
        }

        row.Value = value;
        row.Description = description.Trim();
        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedByEmail = user.Identity?.Name;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActor.From(user), AuditAction, "variable", row.Name, $"variable {row.Name} saved", ct);
        return null;
    }

    public async Task DeleteAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        Demand(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.OrgVariables.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (row is null)
        {
            return;
        }

        db.OrgVariables.Remove(row);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActor.From(user), AuditAction, "variable", row.Name, $"variable {row.Name} deleted", ct);
    }

    /// <summary>What a script reads: any member's function may, like Zoho's org variables. Null when there is none.</summary>
    public async Task<string?> ValueOfAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.OrgVariables.AsNoTracking().Select(v => new { v.Name, v.Value }).ToListAsync(ct);
        return rows.FirstOrDefault(v => string.Equals(v.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))?.Value;
    }

    private static void Demand(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            throw new UnauthorizedAccessException("Only admins manage org variables. Ask an admin to add or change one.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,99}$")]
    private static partial Regex NamePattern();
}
