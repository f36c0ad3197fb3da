using System.Collections.Concurrent;

namespace Portal.Connections.Tokens;

/// <summary>
/// One piece of work per key at a time in this process (SEC-15): callers that arrive while it runs wait for the same task.
/// Each caller's cancellation stops only its own wait; the work runs to its end for the others.
/// </summary>
internal sealed class SingleFlight<TKey, TResult>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TResult>>> _inflight = new();

    public async Task<TResult> RunAsync(TKey key, Func<TKey, Task<TResult>> work, CancellationToken ct)
    {
        var lazy = _inflight.GetOrAdd(key, k => new Lazy<Task<TResult>>(() => work(k)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        finally
        {
            _inflight.TryRemove(new KeyValuePair<TKey, Lazy<Task<TResult>>>(key, lazy));
        }
    }
}
