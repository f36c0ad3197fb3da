namespace Portal.Scripting.Values;

/// <summary>A LIST; a reference value, so mutation through one variable is seen through another.</summary>
public sealed class ScriptList : ScriptValue
{
    public override ScriptValueKind Kind => ScriptValueKind.List;

    public ScriptList() => Items = new();

    public ScriptList(IEnumerable<ScriptValue> items) => Items = new ValueList(items);

    /// <summary>With <paramref name="adopt"/>, a <see cref="ValueList"/> is taken over as is; any other list is copied (and charged).</summary>
    internal ScriptList(List<ScriptValue> items, bool adopt) => Items = adopt && items is ValueList own ? own : new ValueList(items);

    internal ValueList Items { get; }

    public int Count => Items.Count;

    public ScriptValue this[int index] => Items[index];

    public IReadOnlyList<ScriptValue> AsReadOnly() => Items;

    public void Add(ScriptValue value) => Items.Add(value);
}
