namespace Portal.Scripting.Values;

/// <summary>A LIST; a reference value, so mutation through one variable is seen through another.</summary>
public sealed class ScriptList : ScriptValue
{
    public ScriptList()
        : base(ScriptValueKind.List) => Items = [];

    public ScriptList(IEnumerable<ScriptValue> items)
        : base(ScriptValueKind.List) => Items = [.. items];

    internal ScriptList(List<ScriptValue> items, bool adopt)
        : base(ScriptValueKind.List) => Items = adopt ? items : [.. items];

    internal List<ScriptValue> Items { get; }

    public int Count => Items.Count;

    public ScriptValue this[int index] => Items[index];

    public IReadOnlyList<ScriptValue> AsReadOnly() => Items;

    public void Add(ScriptValue value) => Items.Add(value);
}
