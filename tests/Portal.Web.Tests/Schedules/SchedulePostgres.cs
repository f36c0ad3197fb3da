using Npgsql;

namespace Portal.Web.Tests.Schedules;

/// <summary>
/// A fresh database on the PostgreSQL server named by <c>PORTAL_TEST_POSTGRES</c> (a connection string whose user may
/// CREATE DATABASE), or the dev server on 127.0.0.1:55432; dropped on dispose.
/// </summary>
public sealed class SchedulePostgres : IDisposable
{
    private const string DevServer = "Host=127.0.0.1;Port=55432;Username=postgres";

    private readonly string admin;

    public SchedulePostgres()
    {
        var server = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DevServer;
        admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        var name = $"portal_sched_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'";
            create.ExecuteNonQuery();
        }

        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(admin);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
