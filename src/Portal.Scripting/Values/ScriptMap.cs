namespace Portal.Scripting.Values;

/// <summary>A MAP: insertion-ordered, case-sensitive text keys; a reference value.</summary>
public sealed class ScriptMap : ScriptValue
{
    public override ScriptValueKind Kind => ScriptValueKind.Map;

    public ScriptMap() => Entries = new();

    internal ScriptMap(int capacity) => Entries = new ValueMap(capacity);

    internal ScriptMap(ValueMap entries) => Entries = entries;

    internal ValueMap Entries { get; }

    public int Count => Entries.Count;

    public IEnumerable<string> Keys => Entries.Keys;

    public IEnumerable<KeyValuePair<string, ScriptValue>> Pairs => Entries;

    public ScriptValue? this[string key] => Entries.TryGetValue(key, out var value) ? value : null;

    public bool TryGetValue(string key, out ScriptValue value) => Entries.TryGetValue(key, out value!);

    public ScriptMap Set(string key, ScriptValue value)
    {
        Entries[key] = value;
        return this;
    }
}
