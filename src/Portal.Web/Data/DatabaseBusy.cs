using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Web.Data;

/// <summary>
/// Recognises a database that stayed locked by other work for longer than the connection waits (SQLite's BUSY and
/// LOCKED; PostgreSQL's lock and statement timeouts, and the serialization failures and deadlocks still failing after
/// <see cref="PostgresExecutionStrategy"/>'s retries; or any provider's transient error, possibly wrapped by EF Core),
/// so callers tell the user to retry instead of failing with a stack trace or mistaking it for a uniqueness conflict.
/// </summary>
public static class DatabaseBusy
{
    public const string Message = "The database is busy with other work and did not answer in time. Nothing was changed; try again in a few seconds.";

    /// <summary>Seconds an API client is told to wait before retrying.</summary>
    public const int RetryAfterSeconds = 5;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }
                or PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }
                or DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
