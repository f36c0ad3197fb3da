using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Portal.Web.Data;

/// <summary>
/// On PostgreSQL a serialization failure (40001) or a deadlock (40P01) means the server rolled our work back so another
/// transaction could finish: the operation is run again, up to <see cref="MaxRetries"/> times, quickly. A lock or
/// statement timeout is not retried (that would multiply the wait); it reaches the user as <see cref="DatabaseBusy"/>.
/// Work that opens its own transaction must run inside <c>Database.CreateExecutionStrategy().ExecuteAsync</c>.
/// </summary>
internal sealed class PostgresExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    public const int MaxRetries = 4;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    protected override bool ShouldRetryOn(Exception? exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } => true,
        PostgresException => false,
        NpgsqlException { InnerException: TimeoutException } => false,
        _ => base.ShouldRetryOn(exception),
    };
}
