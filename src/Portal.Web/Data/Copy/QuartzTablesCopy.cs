using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz.Impl.AdoJobStore;

namespace Portal.Web.Data.Copy;

/// <summary>
/// Schedules live only in Quartz.NET's tables (QRTZ_*), so they are copied too: the target gets Quartz's own
/// PostgreSQL schema script (what <c>ProvisionSchema()</c> runs), then the jobs, triggers and calendars row by row,
/// each value converted to the PostgreSQL column's type. The old instance's runtime state (fired triggers, scheduler
/// check-ins, locks) is not copied; Quartz rebuilds it when the new instances start.
/// </summary>
internal sealed class QuartzTablesCopy(string sqliteConnectionString, NpgsqlConnection target, NpgsqlTransaction transaction, TextWriter log)
{
    private const string SchemaResource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    /// <summary>Parents first: triggers reference job details, the trigger kinds reference triggers.</summary>
    private static readonly string[] Order =
        ["QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_CALENDARS", "QRTZ_PAUSED_TRIGGER_GRPS"];

    private static readonly HashSet<string> RuntimeState = new(StringComparer.OrdinalIgnoreCase) { "QRTZ_FIRED_TRIGGERS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS" };

    public async Task<IReadOnlyList<(string Table, int Rows)>> RunAsync(CancellationToken ct)
    {
        await using var source = new SqliteConnection(sqliteConnectionString);
        await source.OpenAsync(ct);
        var present = new List<string>();
        await using (var list = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'QRTZ\\_%' ESCAPE '\\'", source))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                present.Add(reader.GetString(0));
            }
        }

        if (present.Count == 0)
        {
            await log.WriteLineAsync("no Quartz tables in the SQLite database: no schedules to copy");
            return [];
        }

        await ProvisionAsync(ct);
        var copied = new List<(string, int)>();
        var tables = present.Where(t => !RuntimeState.Contains(t))
            .OrderBy(t => Array.IndexOf(Order, t.ToUpperInvariant()) is var i && i < 0 ? int.MaxValue : i).ThenBy(t => t, StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = await CopyAsync(source, table, ct);
            copied.Add((table, rows));
            await log.WriteLineAsync($"copied {rows} rows of {table}");
        }

        return copied;
    }

    private async Task ProvisionAsync(CancellationToken ct)
    {
        await using var stream = typeof(StdAdoDelegate).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new DatabaseCopyException($"This Quartz.NET build has no {SchemaResource}; start a portal on the target once so Quartz creates its tables, empty them, and copy again.");
        using var reader = new StreamReader(stream);
        var script = (await reader.ReadToEndAsync(ct)).Replace("{0}", "qrtz_", StringComparison.Ordinal).Replace("{1}", "qrtz_", StringComparison.Ordinal);
        foreach (var statement in script.Split("\n--;;", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (statement.Split('\n').All(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) || l.Trim().Length == 0))
            {
                continue;
            }

            await using var command = new NpgsqlCommand(statement, target, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<int> CopyAsync(SqliteConnection source, string table, CancellationToken ct)
    {
        var name = table.ToLowerInvariant();
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using (var columns = new NpgsqlCommand("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t", target, transaction))
        {
            columns.Parameters.AddWithValue("t", name);
            await using var reader = await columns.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }

        if (types.Count == 0)
        {
            throw new DatabaseCopyException($"Quartz's PostgreSQL schema has no table {name} for the SQLite table {table}; the two Quartz versions differ.");
        }

        var rows = 0;
        await using var select = new SqliteCommand($"SELECT * FROM \"{table}\"", source);
        await using var rowsReader = await select.ExecuteReaderAsync(ct);
        var names = Enumerable.Range(0, rowsReader.FieldCount).Select(rowsReader.GetName).Where(types.ContainsKey).ToList();
        var insert = $"INSERT INTO {name} ({string.Join(", ", names.Select(n => n.ToLowerInvariant()))}) VALUES ({string.Join(", ", names.Select((_, i) => "@p" + i))})";
        while (await rowsReader.ReadAsync(ct))
        {
            await using var command = new NpgsqlCommand(insert, target, transaction);
            for (var i = 0; i < names.Count; i++)
            {
                command.Parameters.AddWithValue("p" + i, Convert(rowsReader.GetValue(rowsReader.GetOrdinal(names[i])), types[names[i]]));
            }

            await command.ExecuteNonQueryAsync(ct);
            rows++;
        }

        return rows;
    }

    private static object Convert(object value, string postgresType) => value is DBNull ? DBNull.Value : postgresType switch
    {
        "boolean" => value is bool b ? b : System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
        "bigint" => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        "integer" => System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        "smallint" => System.Convert.ToInt16(value, System.Globalization.CultureInfo.InvariantCulture),
        "double precision" => System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        "real" => System.Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture),
        "numeric" => System.Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
        "bytea" => value as byte[] ?? System.Text.Encoding.UTF8.GetBytes(System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
        _ => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
