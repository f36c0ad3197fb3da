using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.TestSupport;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>A throw-away PostgreSQL database with the connection tables (see <see cref="PostgresServer"/>).</summary>
internal sealed class PostgresConnectionsTestDatabase : ITestDatabase
{
    private readonly PostgresTestDatabase _database = new();
    private readonly DbContextOptions<TestDbContext> _options;

    public PostgresConnectionsTestDatabase()
    {
        _options = new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(_database.ConnectionString).Options;
        using var db = new TestDbContext(_options);
        db.Database.EnsureCreated();
    }

    public string ConnectionString => _database.ConnectionString;

    public DbContext CreateDbContext() => new TestDbContext(_options);

    public string? ReadRaw(string table, string column, Guid id)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT \"{column}\" FROM \"{table}\" WHERE \"Id\" = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return command.ExecuteScalar() as string;
    }

    public IEnumerable<string> DumpAllText()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            using var command = new NpgsqlCommand($"SELECT * FROM \"{table}\"", connection);
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

    public void Dispose() => _database.Dispose();
}
