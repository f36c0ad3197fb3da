using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Portal.Connections;

namespace Portal.Web.Data;

/// <summary>
/// On PostgreSQL a background pass runs under a session-level <c>pg_try_advisory_lock</c> keyed by its name, so of
/// several instances whose timers fire together one does the pass and the rest skip it until their next tick.
/// </summary>
internal sealed class PostgresBackgroundPassGuard(PortalDatabase database) : BackgroundPassGuard
{
    public override async Task<bool> TryRunAsync(string name, Func<CancellationToken, Task> pass, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("pass:" + name)), 0);

        // Unpooled: if the instance dies mid-pass, its session and the lock end with it.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", key);
            if (await take.ExecuteScalarAsync(ct) is not true)
            {
                return false;
            }
        }

        await pass(ct);
        await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
        release.Parameters.AddWithValue("key", key);
        await release.ExecuteScalarAsync(CancellationToken.None);
        return true;
    }
}
