using System.Collections.Concurrent;

namespace Portal.Web.Data;

/// <summary>
/// Values read from the database, reused while no write from this process touched their tables (<see cref="DataChanges"/>)
/// and for at most <see cref="Lifetime"/>. The lifetime bounds how long a change made by another portal instance on the same
/// database goes unseen; within one instance every change is seen by the next read.
/// </summary>
public sealed class GenerationCache<TKey, TValue>(DataTables tables, IEqualityComparer<TKey>? comparer = null, int capacity = 10_000)
    where TKey : notnull
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<TKey, Entry> entries = new(comparer);

    /// <summary>The cached value of <paramref name="key"/>, or what <paramref name="load"/> reads now (then cached).</summary>
    public async ValueTask<TValue> GetAsync<TState>(TKey key, TState state, Func<TKey, TState, CancellationToken, Task<TValue>> load, CancellationToken ct = default)
    {
        // The stamp is taken before reading: a write that lands during the read leaves the entry stale, never wrongly fresh.
        var generation = DataChanges.Generation(tables);
        var now = Environment.TickCount64;
        if (entries.TryGetValue(key, out var entry) && entry.Generation == generation && now < entry.ExpiresAt)
        {
            return entry.Value;
        }

        var value = await load(key, state, ct);
        if (entries.Count >= capacity)
        {
            entries.Clear();
        }

        entries[key] = new Entry(value, generation, now + (long)Lifetime.TotalMilliseconds);
        return value;
    }

    private sealed record Entry(TValue Value, long Generation, long ExpiresAt);
}
