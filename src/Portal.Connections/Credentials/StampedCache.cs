using System.Collections.Concurrent;

namespace Portal.Connections.Credentials;

/// <summary>
/// Values read from the connections tables, reused while <see cref="IConnectionsChangeStamp"/> is unchanged and for a bounded
/// lifetime. The stamp is taken before reading, so a write landing during the read leaves the entry stale, never wrongly fresh.
/// Concurrent misses of one key share one load (no stampede on the database); a failed load is not kept.
/// </summary>
internal sealed class StampedCache<TKey, TValue>(IConnectionsChangeStamp stamp, TimeSpan lifetime, int capacity = 10_000, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new(comparer);

    public async ValueTask<TValue> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, CancellationToken ct)
    {
        while (true)
        {
            var current = stamp.Current;
            if (current is null || lifetime <= TimeSpan.Zero)
            {
                return await load(key, ct);
            }

            var now = Environment.TickCount64;
            _entries.TryGetValue(key, out var existing);
            if (existing is not null && existing.Stamp == current && now < existing.ExpiresAt && !existing.Value.IsFaulted && !existing.Value.IsCanceled)
            {
                return existing.Value.IsCompletedSuccessfully ? existing.Value.Result : await existing.Value.WaitAsync(ct);
            }

            var source = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = new Entry(current.Value, now + (long)lifetime.TotalMilliseconds, source.Task);
            if (existing is null ? !_entries.TryAdd(key, mine) : !_entries.TryUpdate(key, mine, existing))
            {
                continue; // someone else started a load: share theirs
            }

            if (_entries.Count > capacity)
            {
                _entries.Clear();
            }

            try
            {
                // Shared by every caller that arrives meanwhile, so not cancelled by this one's token.
                var value = await load(key, CancellationToken.None);
                source.SetResult(value);
                return value;
            }
            catch (Exception error)
            {
                _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, mine));
                source.SetException(error);
                throw;
            }
        }
    }

    /// <summary>Forgets <paramref name="key"/>, so the next read goes to the database.</summary>
    public void Remove(TKey key) => _entries.TryRemove(key, out _);

    private sealed record Entry(long Stamp, long ExpiresAt, Task<TValue> Value);
}
