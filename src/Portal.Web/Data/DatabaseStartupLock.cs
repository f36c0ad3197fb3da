using Npgsql;

namespace Portal.Web.Data;

/// <summary>
/// Serialises startup work (migrating, checking the key ring, seeding accounts) across instances that share one
/// PostgreSQL database: a session-level <c>pg_advisory_lock</c> held on a connection of its own until disposed, so
/// three instances starting at once migrate once and seed one admin. SQLite needs none: one instance owns the file.
/// </summary>
internal sealed class DatabaseStartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key ("PortalDb" in ASCII), the same for every instance of every version.</summary>
    internal const long Key = 0x506F7274616C4462;

    private readonly NpgsqlConnection? _connection;

    private DatabaseStartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<DatabaseStartupLock> AcquireAsync(PortalDatabase database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider != DatabaseProvider.PostgreSQL)
        {
            return new(null);
        }

        // Unpooled: closing the connection must end the session, which releases the lock even if unlocking failed.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(ct);
            return new(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
