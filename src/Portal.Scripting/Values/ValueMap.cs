using Portal.Scripting.Runtime;

namespace Portal.Scripting.Values;

/// <summary>A map's storage; each new key is charged to the run's memory budget (SEC-37).</summary>
internal sealed class ValueMap : OrderedDictionary<string, ScriptValue>
{
    public ValueMap()
        : base(StringComparer.Ordinal)
    {
    }

    public ValueMap(int capacity)
        : base(capacity, StringComparer.Ordinal) => RunMemory.Charge((long)capacity * RunMemory.MapEntryOverhead);

    public new ScriptValue this[string key]
    {
        get => base[key];
        set
        {
            var before = Count;
            base[key] = value;
            if (Count != before)
            {
                ChargeEntry(key);
            }
        }
    }

    public new void Add(string key, ScriptValue value)
    {
        base.Add(key, value);
        ChargeEntry(key);
    }

    public new bool TryAdd(string key, ScriptValue value)
    {
        if (!base.TryAdd(key, value))
        {
            return false;
        }

        ChargeEntry(key);
        return true;
    }

    private static void ChargeEntry(string key) => RunMemory.Charge(RunMemory.MapEntryOverhead + 2L * key.Length);
}
