using Microsoft.EntityFrameworkCore;

namespace Portal.Sandbox.Data;

/// <summary>Adds the CRM table to a sandbox.db created before Sandbox CRM existed; <c>EnsureCreated</c> never changes an existing database.</summary>
internal static class CrmSchemaUpgrade
{
    public static async Task EnsureCrmTableAsync(SandboxDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var check = connection.CreateCommand();
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'CrmRecords'";
            if (Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // Reuse EF's own DDL for the table and its index, so the schema matches the model exactly.
        var statements = db.Database.GenerateCreateScript()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(statement => statement.Contains("\"CrmRecords\"", StringComparison.Ordinal));
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }
    }
}
