using Portal.Scripting.Runtime;

namespace Portal.Scripting.Values;

/// <summary>A list's storage; growing it is charged to the run's memory budget (SEC-37).</summary>
internal sealed class ValueList : List<ScriptValue>
{
    private const int SlotBytes = 8;

    public ValueList()
    {
    }

    public ValueList(int capacity)
        : base(capacity) => RunMemory.Charge((long)capacity * SlotBytes);

    public ValueList(IEnumerable<ScriptValue> items)
        : base(items) => RunMemory.Charge((long)Capacity * SlotBytes);

    /// <summary>A list of exactly <paramref name="items"/>, charged as if they had been added one by one.</summary>
    public static ValueList Of(ReadOnlySpan<ScriptValue> items)
    {
        long charge = 0;
        for (long capacity = 0; capacity < items.Length; capacity = Math.Max(4L, capacity * 2))
        {
            charge += Math.Max(4L, capacity * 2L) * SlotBytes;
        }

        RunMemory.Charge(charge);
        var list = new ValueList();
        list.Capacity = items.Length;
        foreach (var item in items)
        {
            list.AddUncharged(item);
        }

        return list;
    }

    private void AddUncharged(ScriptValue item) => base.Add(item);

    public new void Add(ScriptValue item)
    {
        if (Count == Capacity)
        {
            RunMemory.Charge(Math.Max(4L, Capacity * 2L) * SlotBytes);
        }

        base.Add(item);
    }

    public new void AddRange(IEnumerable<ScriptValue> items)
    {
        var before = Capacity;
        base.AddRange(items);
        RunMemory.Charge(Math.Max(0L, Capacity - before) * 2 * SlotBytes);
    }

    public new void Insert(int index, ScriptValue item)
    {
        if (Count == Capacity)
        {
            RunMemory.Charge(Math.Max(4L, Capacity * 2L) * SlotBytes);
        }

        base.Insert(index, item);
    }

    public new void InsertRange(int index, IEnumerable<ScriptValue> items)
    {
        var before = Capacity;
        base.InsertRange(index, items);
        RunMemory.Charge(Math.Max(0L, Capacity - before) * 2 * SlotBytes);
    }
}
