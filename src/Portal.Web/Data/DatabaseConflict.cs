using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Web.Data;

/// <summary>
/// Recognises a save refused because a unique index already holds the value (SQLite's UNIQUE or PRIMARY KEY
/// constraint, PostgreSQL's 23505): another user or instance took the name first, which is the user's to fix.
/// Any other failure is not about the name and must not be reported as if it were.
/// </summary>
public static class DatabaseConflict
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static bool IsUniqueViolation(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey }
                or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }
}
