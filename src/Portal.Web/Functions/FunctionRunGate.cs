using System.Collections.Concurrent;

namespace Portal.Web.Functions;

/// <summary>Caps how many runs one user may have in progress at once (SEC-28).</summary>
public sealed class FunctionRunGate
{
    public const int MaxConcurrentRunsPerUser = 3;

    private readonly ConcurrentDictionary<string, int> running = new(StringComparer.Ordinal);

    /// <summary>Returns a lease to dispose when the run ends, or null when the user is at the limit.</summary>
    public IDisposable? TryEnter(string userId)
    {
        var count = running.AddOrUpdate(userId, 1, (_, n) => n + 1);
        if (count <= MaxConcurrentRunsPerUser)
        {
            return new Lease(this, userId);
        }

        Leave(userId);
        return null;
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
