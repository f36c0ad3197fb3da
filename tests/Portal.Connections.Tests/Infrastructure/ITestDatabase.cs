using Portal.Connections.Data;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>The database engines the engine's tests run on where behaviour can differ (leases, races, storage).</summary>
public enum TestDatabaseKind
{
    Sqlite,
    PostgreSQL,
}

/// <summary>A private database with the connection tables; each context opens its own connection to it.</summary>
internal interface ITestDatabase : IConnectionsDbContextFactory, IDisposable
{
    string ConnectionString { get; }

    /// <summary>Raw column value as stored, bypassing EF.</summary>
    string? ReadRaw(string table, string column, Guid id);

    /// <summary>Every text cell of every table, for "the canary is nowhere" checks.</summary>
    IEnumerable<string> DumpAllText();
}

internal static class TestDatabases
{
    public static ITestDatabase Create(TestDatabaseKind kind) =>
        kind == TestDatabaseKind.PostgreSQL ? new PostgresConnectionsTestDatabase() : new SqliteTestDatabase();
}
