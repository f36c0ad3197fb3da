using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Audit;
using Portal.Web.Data;

namespace Portal.Web.Functions.Running;

/// <summary>
/// Stores finished runs and their audit entries (group commit): one writer takes every run queued while its previous
/// batch committed and stores the lot, history rows and audit entries, in one transaction. <see cref="RecordAsync"/>
/// completes only once its run is committed, so a caller answers only for a run that is stored: a crash loses no
/// answered run, only runs still waiting for their commit, whose callers got no answer. Disposing drains the queue.
/// </summary>
public sealed class FunctionRunRecorder : IAsyncDisposable
{
    /// <summary>Most runs in one transaction; more wait for the next one.</summary>
    public const int MaxBatch = 512;

    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private readonly IDbContextFactory<PortalDbContext> dbFactory;
    private readonly FunctionRunPruner pruner;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Channel<PendingRun> queue = Channel.CreateUnbounded<PendingRun>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private DateTimeOffset lastPruned = DateTimeOffset.MinValue;
    private readonly string synchronous;
    private PortalDbContext? writerContext;
    private RunRowWriter? rows;

    public FunctionRunRecorder(IDbContextFactory<PortalDbContext> dbFactory, FunctionRunPruner pruner, TimeProvider time, ILogger logger, bool durableCommits = false)
    {
        synchronous = durableCommits ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
        this.dbFactory = dbFactory;
        this.pruner = pruner;
        this.time = time;
        this.logger = logger;
        writer = Task.Run(WriteAllAsync);
    }

    /// <summary>
    /// Queues the run and its audit entry; completes when both are committed, or when storing failed (logged: the caller
    /// still answers with the result, since the run has happened). Never throws for a database failure.
    /// </summary>
    public Task RecordAsync(FunctionRunEntity run, AuditEvent audit)
    {
        var pending = new PendingRun(run, audit);
        return queue.Writer.TryWrite(pending) ? pending.Stored.Task : WriteAloneAsync(pending);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
        await DropWriterContextAsync();
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<PendingRun>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteBatchAsync(batch);

            // Before the callers go on, so nothing else uses the database from this writer while they do.
            await PruneIfDueAsync();
            foreach (var pending in batch)
            {
                pending.Stored.TrySetResult();
            }

            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingRun> batch)
    {
        try
        {
            // One context, connection and pair of commands for every batch while they succeed: creating them cost more than a small batch.
            if (writerContext is null)
            {
                writerContext = await dbFactory.CreateDbContextAsync(CancellationToken.None);
                await PrepareAsync(writerContext);
                rows = new RunRowWriter(writerContext);
            }

            await rows!.WriteAsync(batch.Select(p => (p.Run, p.Audit)));
        }
        catch (Exception failure)
        {
            await DropWriterContextAsync();
            if (DatabaseBusy.Is(failure))
            {
                foreach (var pending in batch)
                {
                    LogBusy(pending.Run);
                }

                return;
            }

            // One run the database refuses (its output too large, SEC-37) must not take the others with it: each on its own.
            logger.LogWarning(failure, "A batch of {Count} runs could not be stored together; storing them one by one.", batch.Count);
            foreach (var pending in batch)
            {
                await WriteAloneAsync(pending);
            }
        }
    }

    private async Task DropWriterContextAsync()
    {
        if (rows is { } writer)
        {
            rows = null;
            await writer.DisposeAsync();
        }

        if (writerContext is { } db)
        {
            writerContext = null;
            await db.DisposeAsync();
        }
    }

    // The run is recorded even when its output is too large for the database (SEC-37).
    private async Task WriteAloneAsync(PendingRun pending)
    {
        var (run, audit) = (pending.Run, pending.Audit);
        try
        {
            try
            {
                await SaveAsync(run, audit);
            }
            catch (Exception tooBig) when (!DatabaseBusy.Is(tooBig))
            {
                logger.LogWarning(tooBig, "The run of function {FunctionId} could not be stored with its output; storing it without.", run.FunctionId);
                FunctionRunner.Fail(run, $"the database refused to store the run's output ({(tooBig.InnerException ?? tooBig).Message})");
                audit.Details = FunctionRunner.AuditDetails(run);
                await SaveAsync(run, audit);
            }
        }
        catch (Exception busy) when (DatabaseBusy.Is(busy))
        {
            LogBusy(run);
        }
        catch (Exception other)
        {
            // Never a 500 for a run that happened: the caller still gets its result.
            logger.LogError(other,
                "Run of function {FunctionId} by {User} ({Origin}) finished {Status} in {DurationMs} ms but could not be recorded in the run history and the audit log.",
                run.FunctionId, run.UserEmail, run.Origin, run.Status, run.DurationMs);
        }
    }

    private async Task SaveAsync(FunctionRunEntity run, AuditEvent audit)
    {
        // A failed attempt may have left generated ids behind; each attempt starts from new rows.
        run.Id = 0;
        audit.Id = 0;
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await PrepareAsync(db);
        db.FunctionRuns.Add(run);
        db.AuditEvents.Add(audit);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void LogBusy(FunctionRunEntity run)
    {
        // The script has run and its HTTP calls were made: the caller gets the result (a failure here would invite a
        // second run), and the log keeps what the history row and the audit entry would have said.
        run.Id = 0;
        logger.LogWarning(
            "Run of function {FunctionId} by {User} ({Origin}) finished {Status} in {DurationMs} ms but the database was busy, so it is missing from the run history and the audit log.",
            run.FunctionId, run.UserEmail, run.Origin, run.Status, run.DurationMs);
    }

    /// <summary>
    /// SQLite in WAL mode: by default the writer's connection commits without an fsync (synchronous=NORMAL). A committed
    /// batch survives a crash or kill of the portal (it is in the WAL, which the OS keeps); only a power loss or OS crash can
    /// undo the latest commits. <see cref="FunctionRunOptions.DurableRunCommits"/> makes each commit wait for the disk
    /// (synchronous=FULL). The setting belongs to the connection, which the writer keeps open.
    /// </summary>
    private async Task PrepareAsync(PortalDbContext db)
    {
        if (db.Database.GetDbConnection() is SqliteConnection)
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync(synchronous);
        }
    }

    private async Task PruneIfDueAsync()
    {
        var now = time.GetUtcNow();
        if (now - lastPruned < PruneInterval)
        {
            return;
        }

        lastPruned = now;
        try
        {
            await pruner.PruneAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Pruning old function runs failed; the next batch tries again in a minute.");
        }
    }

    private sealed record PendingRun(FunctionRunEntity Run, AuditEvent Audit)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
