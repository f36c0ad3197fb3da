using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Portal.Web.Functions;

/// <summary>
/// Caps how many runs one user may have in progress at once and start per minute (SEC-28); the limits are
/// <see cref="FunctionRunGateOptions"/>. A refused start takes no slot and does not count against the minute.
/// </summary>
public sealed class FunctionRunGate(TimeProvider time, IOptionsMonitor<FunctionRunGateOptions>? options = null)
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
            refusal = limits.MaxConcurrentPerUser == 1
                ? "You already have a run in progress. Wait for it to finish or cancel it, then run again."
                : $"You already have {limits.MaxConcurrentPerUser} runs in progress. Wait for one to finish or cancel it, then run again.";
            return null;
        }

        // Counted only once the run has a slot: a start refused for either limit costs nothing.
        if (!TryCountStart(userId, limits.MaxStartsPerMinutePerUser))
        {
            Leave(userId);
            refusal = $"You started {limits.MaxStartsPerMinutePerUser} runs in the last minute, the most allowed per user. Wait a minute, then run again.";
            return null;
        }

        refusal = null;
        return new Lease(this, userId);
    }

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
}
