using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Connections.Data;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>A private in-memory SQLite database kept alive by one open connection; each context opens its own connection to it.</summary>
internal sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly SqliteConnection _keeper;
    private readonly DbContextOptions<TestDbContext> _options;

    public SqliteTestDatabase()
    {
        ConnectionString = $"Data Source=connections-{Guid.NewGuid():N};Mode=Memory;Cache=Shared;Default Timeout=60";
        _keeper = new SqliteConnection(ConnectionString);
        _keeper.Open();
        _options = new DbContextOptionsBuilder<TestDbContext>().UseSqlite(ConnectionString).Options;
        using var db = new TestDbContext(_options);
        db.Database.EnsureCreated();
    }

    public string ConnectionString { get; }

    public DbContext CreateDbContext() => new TestDbContext(_options);

    public string? ReadRaw(string table, string column, Guid id)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"Id\" = $id";
        command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        var value = command.ExecuteScalar();
        if (value is null)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", id.ToString());
            value = command.ExecuteScalar();
        }

        return value as string;
    }

    public IEnumerable<string> DumpAllText()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.GetValue(i) is string s)
                    {
                        yield return s;
                    }
                }
            }
        }
    }

    public void Dispose() => _keeper.Dispose();
}
