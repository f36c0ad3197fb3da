using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Portal.Web.Data;

namespace Portal.Web.Functions.Running;

/// <summary>
/// The per-user limits (SEC-28) held across every instance on one PostgreSQL database. A run slot is a session-level
/// advisory lock (user, slot) taken on one connection per instance, so an instance that dies gives its slots back with
/// its session; starts in a sliding minute are rows of <see cref="RunLimitStart"/> counted under a transaction-level
/// advisory lock on the key. SQLite has one instance, and keeps the in-memory path.
/// </summary>
public sealed class SharedRunLimits(PortalDatabase database) : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(database.ConnectionString);
    private readonly SemaphoreSlim slotLock = new(1, 1);
    private readonly Dictionary<int, HashSet<int>> heldSlots = [];
    private NpgsqlConnection? slotConnection;

    /// <summary>Takes a free slot of the user's <paramref name="max"/> on any instance; null when all are taken.</summary>
    public async Task<int?> TryTakeSlotAsync(string userId, int max, CancellationToken ct = default)
    {
        var user = Hash("slot:" + userId);
        await slotLock.WaitAsync(ct);
        try
        {
            var connection = await SlotConnectionAsync(ct);
            var held = heldSlots.TryGetValue(user, out var mine) ? mine : heldSlots[user] = [];

            // The CASE keeps a slot this session already holds from being locked twice (advisory locks stack per session).
            await using var command = new NpgsqlCommand(
                "SELECT s FROM generate_series(0, @max - 1) AS s WHERE CASE WHEN s = ANY(@held) THEN false ELSE pg_try_advisory_lock(@user, s) END LIMIT 1",
                connection);
            command.Parameters.AddWithValue("max", max);
            command.Parameters.AddWithValue("held", held.ToArray());
            command.Parameters.AddWithValue("user", user);
            if (await command.ExecuteScalarAsync(ct) is int slot)
            {
                held.Add(slot);
                return slot;
            }

            return null;
        }
        catch (NpgsqlException)
        {
            await ResetAsync();
            throw;
        }
        finally
        {
            slotLock.Release();
        }
    }

    /// <summary>Gives back a slot taken by <see cref="TryTakeSlotAsync"/>.</summary>
    public async Task ReleaseSlotAsync(string userId, int slot)
    {
        var user = Hash("slot:" + userId);
        await slotLock.WaitAsync();
        try
        {
            if (!heldSlots.TryGetValue(user, out var held) || !held.Remove(slot) || slotConnection is null)
            {
                return;
            }

            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@user, @slot)", slotConnection);
            command.Parameters.AddWithValue("user", user);
            command.Parameters.AddWithValue("slot", slot);
            await command.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // The session is gone, and every lock it held with it.
            await ResetAsync();
        }
        finally
        {
            slotLock.Release();
        }
    }

    /// <summary>
    /// Counts one start of <paramref name="key"/> when fewer than <paramref name="max"/> were counted in the window
    /// ending at <paramref name="now"/>; returns null when counted, otherwise how long until the oldest start leaves it.
    /// </summary>
    public async Task<TimeSpan?> TryCountAsync(string key, int max, TimeSpan window, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock(@k1, @k2)", ("k1", Hash("count")), ("k2", Hash(key))));
        batch.BatchCommands.Add(Command("DELETE FROM \"RunLimitStarts\" WHERE \"Key\" = @key AND \"At\" <= @cutoff", ("key", key), ("cutoff", (now - window).UtcDateTime)));
        batch.BatchCommands.Add(Command(
            "INSERT INTO \"RunLimitStarts\" (\"Key\", \"At\") SELECT @key, @now WHERE (SELECT count(*) FROM \"RunLimitStarts\" WHERE \"Key\" = @key) < @max RETURNING \"Id\"",
            ("key", key), ("now", now.UtcDateTime), ("max", (long)max)));
        batch.BatchCommands.Add(Command("SELECT min(\"At\") FROM \"RunLimitStarts\" WHERE \"Key\" = @key", ("key", key)));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        var counted = await reader.ReadAsync(ct);
        await reader.NextResultAsync(ct);
        var oldest = await reader.ReadAsync(ct) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateTimeOffset>(0) : now;
        await reader.DisposeAsync();
        await transaction.CommitAsync(ct);
        return counted ? null : oldest + window - now;
    }

    public async ValueTask DisposeAsync()
    {
        await ResetAsync();
        await dataSource.DisposeAsync();
        slotLock.Dispose();
    }

    // A stable 32-bit key (string.GetHashCode differs per process, and every instance must agree).
    internal static int Hash(string value) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0);

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private async Task<NpgsqlConnection> SlotConnectionAsync(CancellationToken ct)
    {
        if (slotConnection is null)
        {
            // Unpooled: the session is the slots' owner, and closing it must give them back.
            slotConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
            await slotConnection.OpenAsync(ct);
        }

        return slotConnection;
    }

    private async Task ResetAsync()
    {
        heldSlots.Clear();
        if (slotConnection is not null)
        {
            await slotConnection.DisposeAsync();
            slotConnection = null;
        }
    }
}
