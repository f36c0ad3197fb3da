using System.Text;
using Portal.Web.Identity;

namespace Portal.Web.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/audit/export.csv", async (string? user, string? action, string? target, DateOnly? from, DateOnly? to, AuditQuery query, CancellationToken ct) =>
            {
                var events = await query.SearchAsync(new AuditFilter(user, action, target, from, to), limit: 100_000, ct);
                return Results.File(Encoding.UTF8.GetBytes(AuditQuery.ToCsv(events)), "text/csv; charset=utf-8", "portal-audit.csv");
            })
            .RequireAuthorization(Policies.Admin);
        return endpoints;
    }
}
