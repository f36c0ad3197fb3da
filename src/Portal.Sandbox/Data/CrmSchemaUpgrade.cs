using Microsoft.EntityFrameworkCore;

namespace Portal.Sandbox.Data;

/// <summary>Adds the CRM tables to a sandbox.db created before they existed; <c>EnsureCreated</c> never changes an existing database.</summary>
internal static class CrmSchemaUpgrade
{
    private static readonly string[] Tables = ["CrmRecords", "CrmAttachments"];

    public static async Task EnsureCrmTableAsync(SandboxDbContext db, CancellationToken ct)
    {
        foreach (var table in Tables)
        {
            if (!await ExistsAsync(db, table, ct))
            {
                await CreateAsync(db, table, ct);
            }
        }
    }

    private static async Task<bool> ExistsAsync(SandboxDbContext db, string table, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var check = connection.CreateCommand();
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
            var name = check.CreateParameter();
            name.ParameterName = "$name";
            name.Value = table;
            check.Parameters.Add(name);
            return Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Reuse EF's own DDL for the table and its index, so the schema matches the model exactly.
    private static async Task CreateAsync(SandboxDbContext db, string table, CancellationToken ct)
    {
        var statements = db.Database.GenerateCreateScript()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(statement => statement.Contains($"\"{table}\"", StringComparison.Ordinal));
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, ct);
        }
    }
}
