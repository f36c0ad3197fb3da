using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Portal.Web.Functions.Running;

/// <summary>
/// Caps how many runs one user may have in progress at once and start per minute (SEC-28); the limits are
/// <see cref="FunctionRunGateOptions"/>. A refused start takes no slot and does not count against the minute.
/// </summary>
/// <remarks>On PostgreSQL, <see cref="TryEnterAsync"/> holds the limits across every instance (<see cref="SharedRunLimits"/>).</remarks>
public sealed class FunctionRunGate(TimeProvider time, IOptionsMonitor<FunctionRunGateOptions>? options = null, SharedRunLimits? shared = null)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly FunctionRunGateOptions Defaults = new();

    private readonly ConcurrentDictionary<string, int> running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> started = new(StringComparer.Ordinal);

    public FunctionRunGate()
        : this(TimeProvider.System)
    {
    }

    /// <summary>The limits in force now (configuration changes apply to the next start).</summary>
    public FunctionRunGateOptions Limits => options?.CurrentValue ?? Defaults;

    /// <summary>Returns a lease to dispose when the run ends, or null when the user is at the limit.</summary>
    public IDisposable? TryEnter(string userId) => TryEnter(userId, out _);

    /// <summary>Like <see cref="TryEnter(string)"/>, with a sentence saying which limit was hit and what to do.</summary>
    public IDisposable? TryEnter(string userId, out string? refusal)
    {
        var limits = Limits;
        var count = running.AddOrUpdate(userId, 1, (_, n) => n + 1);
        if (count > limits.MaxConcurrentPerUser)
        {
            Leave(userId);
            refusal = ConcurrentRefusal(limits.MaxConcurrentPerUser);
            return null;
        }

        // Counted only once the run has a slot: a start refused for either limit costs nothing.
        if (!TryCountStart(userId, limits.MaxStartsPerMinutePerUser))
        {
            Leave(userId);
            refusal = StartsRefusal(limits.MaxStartsPerMinutePerUser);
            return null;
        }

        refusal = null;
        return new Lease(this, userId);
    }

    /// <summary>
    /// Like <see cref="TryEnter(string, out string?)"/>, across instances when the database is shared; the lease is
    /// disposed when the run ends.
    /// </summary>
    public async Task<(IAsyncDisposable? Lease, string? Refusal)> TryEnterAsync(string userId, CancellationToken ct = default)
    {
        if (shared is null)
        {
            var local = TryEnter(userId, out var localRefusal);
            return (local is null ? null : new LocalLease(local), localRefusal);
        }

        var limits = Limits;
        if (await shared.TryTakeSlotAsync(userId, limits.MaxConcurrentPerUser, ct) is not { } slot)
        {
            return (null, ConcurrentRefusal(limits.MaxConcurrentPerUser));
        }

        try
        {
            if (await shared.TryCountAsync("run:" + userId, limits.MaxStartsPerMinutePerUser, Window, time.GetUtcNow(), ct) is not null)
            {
                await shared.ReleaseSlotAsync(userId, slot);
                return (null, StartsRefusal(limits.MaxStartsPerMinutePerUser));
            }
        }
        catch
        {
            await shared.ReleaseSlotAsync(userId, slot);
            throw;
        }

        return (new SharedLease(shared, userId, slot), null);
    }

    private static string ConcurrentRefusal(int max) => max == 1
        ? "You already have a run in progress. Wait for it to finish or cancel it, then run again."
        : $"You already have {max} runs in progress. Wait for one to finish or cancel it, then run again.";

    private static string StartsRefusal(int max) =>
        $"You started {max} runs in the last minute, the most allowed per user. Wait a minute, then run again.";

    private bool TryCountStart(string userId, int maxPerMinute)
    {
        var now = time.GetUtcNow();
        var queue = started.GetOrAdd(userId, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= Window)
            {
                queue.Dequeue();
            }

            if (queue.Count >= maxPerMinute)
            {
                return false;
            }

            queue.Enqueue(now);
            return true;
        }
    }

    private void Leave(string userId) => running.AddOrUpdate(userId, 0, (_, n) => Math.Max(0, n - 1));

    private sealed class Lease(FunctionRunGate gate, string userId) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                gate.Leave(userId);
            }
        }
    }

    private sealed class LocalLease(IDisposable lease) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lease.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class SharedLease(SharedRunLimits shared, string userId, int slot) : IAsyncDisposable
    {
        private int disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                await shared.ReleaseSlotAsync(userId, slot);
            }
        }
    }
}
