using Npgsql;

namespace Portal.TestSupport;

/// <summary>A fresh, empty PostgreSQL database on <see cref="PostgresServer"/>, dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public PostgresTestDatabase()
    {
        Name = $"portal_test_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{Name}\" TEMPLATE template0 ENCODING 'UTF8'";
            create.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = Name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>Connection string to this database, in Npgsql's syntax (<c>Host=…;Port=…;Database=…;Username=…</c>).</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        admin.Open();
        using var drop = admin.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
