using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security;

/// <summary>Looks for a secret, in every spelling an API may echo it in, across what people get back and the SQLite file.</summary>
internal static class SecretLeakProbe
{
    public static IReadOnlyList<string> Forms(string secret) =>
    [
        secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret), Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)),
        JsonSerializer.Serialize(secret)[1..^1],
    ];

    public static void AssertAbsent(string secret, string where, string text)
    {
        foreach (var form in Forms(secret))
        {
            Assert.False(text.Contains(form, StringComparison.Ordinal), $"The secret leaked into {where} as \"{form}\".");
        }
    }

    /// <summary>Every row of every table of the portal's real database file, as text.</summary>
    public static async Task<List<string>> EveryRowAsync(PortalWebFactory factory)
    {
        var rows = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "portal.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                rows.Add($"{table}: {string.Join(" | ", cells)}");
            }
        }

        return rows;
    }
}
