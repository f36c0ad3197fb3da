using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Portal.Scripting.Runtime;

namespace Portal.Scripting.Values;

/// <summary>
/// A map's storage: insertion-ordered, ordinal keys; each new key is charged to the run's memory budget (SEC-37).
/// Entries sit in one array in insertion order. Small maps (most records and JSON objects) are searched
/// linearly, without hashing; from <see cref="IndexThreshold"/> entries on, a key-to-position index is kept too.
/// </summary>
internal sealed class ValueMap : IReadOnlyDictionary<string, ScriptValue>
{
    private const int IndexThreshold = 8;
    private Entry[] _entries;
    private int _count;
    private int _version;
    private Dictionary<string, int>? _index;

    public ValueMap()
    {
        _entries = [];
    }

    public ValueMap(int capacity)
        : this(capacity, charge: true)
    {
    }

    /// <summary>Without <paramref name="charge"/> the caller has charged the storage already; new keys are charged as always.</summary>
    public ValueMap(int capacity, bool charge)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (charge)
        {
            RunMemory.Charge((long)capacity * RunMemory.MapEntryOverhead);
        }

        _entries = capacity == 0 ? [] : new Entry[capacity];
        if (capacity > IndexThreshold)
        {
            _index = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        }
    }

    public int Count => _count;

    public KeyView Keys => new(this);

    public ValueView Values => new(this);

    IEnumerable<string> IReadOnlyDictionary<string, ScriptValue>.Keys => Keys;

    IEnumerable<ScriptValue> IReadOnlyDictionary<string, ScriptValue>.Values => Values;

    public ScriptValue this[string key]
    {
        get => IndexOf(key) is var i and >= 0 ? _entries[i].Value : throw new KeyNotFoundException($"The given key '{key}' was not present in the map.");
        set
        {
            var i = IndexOf(key);
            if (i >= 0)
            {
                // Replacing a value is not a structural change (as with Dictionary): enumerations go on.
                _entries[i].Value = value;
                return;
            }

            Append(key, value);
        }
    }

    public void Add(string key, ScriptValue value)
    {
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"An item with the same key has already been added. Key: {key}", nameof(key));
        }

        Append(key, value);
    }

    public bool TryAdd(string key, ScriptValue value)
    {
        if (IndexOf(key) >= 0)
        {
            return false;
        }

        Append(key, value);
        return true;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ScriptValue value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            value = _entries[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    public bool Remove(string key) => Remove(key, out _);

    public bool Remove(string key, [MaybeNullWhen(false)] out ScriptValue value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = null;
            return false;
        }

        value = _entries[i].Value;
        _count--;
        Array.Copy(_entries, i + 1, _entries, i, _count - i);
        _entries[_count] = default;
        if (_index is { } index)
        {
            index.Remove(key);
            for (var j = i; j < _count; j++)
            {
                index[_entries[j].Key] = j;
            }
        }

        _version++;
        return true;
    }

    public void Clear()
    {
        Array.Clear(_entries, 0, _count);
        _count = 0;
        _index?.Clear();
        _version++;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, ScriptValue>> IEnumerable<KeyValuePair<string, ScriptValue>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is { } index)
        {
            return index.TryGetValue(key, out var found) ? found : -1;
        }

        var entries = _entries;
        for (var i = 0; i < _count && i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(string key, ScriptValue value)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _entries.Length * 2));
        }

        _entries[_count] = new Entry(key, value);
        if (_index is { } index)
        {
            index.Add(key, _count);
        }
        else if (_count == IndexThreshold)
        {
            index = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
            for (var i = 0; i <= _count; i++)
            {
                index.Add(_entries[i].Key, i);
            }

            _index = index;
        }

        _count++;
        _version++;
        RunMemory.Charge(RunMemory.MapEntryOverhead + 2L * key.Length);
    }

    private struct Entry(string key, ScriptValue value)
    {
        public readonly string Key = key;
        public ScriptValue Value = value;
    }

    public struct Enumerator : IEnumerator<KeyValuePair<string, ScriptValue>>
    {
        private readonly ValueMap _map;
        private readonly int _version;
        private int _next;

        internal Enumerator(ValueMap map)
        {
            _map = map;
            _version = map._version;
        }

        public KeyValuePair<string, ScriptValue> Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_version != _map._version)
            {
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
            }

            if (_next < _map._count)
            {
                ref readonly var entry = ref _map._entries[_next];
                Current = new(entry.Key, entry.Value);
                _next++;
                return true;
            }

            Current = default;
            return false;
        }

        public void Reset()
        {
            _next = 0;
            Current = default;
        }

        public readonly void Dispose()
        {
        }
    }

    /// <summary>The keys in insertion order (a live view).</summary>
    public readonly struct KeyView(ValueMap map) : IReadOnlyList<string>
    {
        public int Count => map._count;

        public string this[int index] => (uint)index < (uint)map._count ? map._entries[index].Key : throw new ArgumentOutOfRangeException(nameof(index));

        public string[] ToArray()
        {
            var keys = new string[map._count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = map._entries[i].Key;
            }

            return keys;
        }

        public IEnumerator<string> GetEnumerator()
        {
            foreach (var (key, _) in map)
            {
                yield return key;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The values in insertion order (a live view).</summary>
    public readonly struct ValueView(ValueMap map) : IReadOnlyList<ScriptValue>
    {
        public int Count => map._count;

        public ScriptValue this[int index] => (uint)index < (uint)map._count ? map._entries[index].Value : throw new ArgumentOutOfRangeException(nameof(index));

        public ScriptValue[] ToArray()
        {
            var values = new ScriptValue[map._count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = map._entries[i].Value;
            }

            return values;
        }

        public IEnumerator<ScriptValue> GetEnumerator()
        {
            foreach (var (_, value) in map)
            {
                yield return value;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
