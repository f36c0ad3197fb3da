using System.Collections.Concurrent;

namespace Portal.Web.Functions;

/// <summary>Caps how many runs one user may have in progress at once and start per minute (SEC-28).</summary>
public sealed class FunctionRunGate(TimeProvider time)
{
    public const int MaxConcurrentRunsPerUser = 3;
    public const int MaxRunsPerMinutePerUser = 60;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, int> running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> started = new(StringComparer.Ordinal);

    public FunctionRunGate()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Returns a lease to dispose when the run ends, or null when the user is at the limit.</summary>
    public IDisposable? TryEnter(string userId) => TryEnter(userId, out _);

    /// <summary>Like <see cref="TryEnter(string)"/>, with a sentence saying which limit was hit and what to do.</summary>
    public IDisposable? TryEnter(string userId, out string? refusal)
    {
        if (!TryCountStart(userId))
        {
            refusal = $"You started {MaxRunsPerMinutePerUser} runs in the last minute, the most allowed per user. Wait a minute, then run again.";
            return null;
        }

        var count = running.AddOrUpdate(userId, 1, (_, n) => n + 1);
        if (count <= MaxConcurrentRunsPerUser)
        {
            refusal = null;
            return new Lease(this, userId);
        }

        Leave(userId);
        refusal = $"You already have {MaxConcurrentRunsPerUser} runs in progress. Wait for one to finish or cancel it, then run again.";
        return null;
    }

    private bool TryCountStart(string userId)
    {
        var now = time.GetUtcNow();
        var queue = started.GetOrAdd(userId, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= Window)
            {
                queue.Dequeue();
            }

            if (queue.Count >= MaxRunsPerMinutePerUser)
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
