using System.Globalization;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

internal static class ListMethods
{
    public static ScriptValue? Call(RunState state, MethodId id, string name, ScriptList list, ScriptValue[] args)
    {
        var items = list.Items;
        switch (id)
        {
            case MethodId.Add:
                Args.Count(name, args, 1, 1);
                state.CheckCollectionSize(items.Count + 1L);
                items.Add(args[0]);
                return ScriptNull.Instance;
            case MethodId.AddAll:
                Args.Count(name, args, 1, 1);
                var other = Args.List(name, args, 0);
                state.CheckCollectionSize((long)items.Count + other.Count);
                items.AddRange(other.Items.ToArray());
                return ScriptNull.Instance;
            case MethodId.Get:
                Args.Count(name, args, 1, 1);
                return items[CheckedIndex(name, args, items.Count)];
            case MethodId.GetJson:
                Args.Count(name, args, 1, 1);
                var index = Args.Integer(name, args, 0);
                return index >= 0 && index < items.Count ? items[(int)index] : ScriptNull.Instance;
            case MethodId.Remove:
                Args.Count(name, args, 1, 1);
                var at = CheckedIndex(name, args, items.Count);

                var removed = items[(int)at];
                items.RemoveAt((int)at);
                return removed;
            case MethodId.RemoveElement:
                Args.Count(name, args, 1, 1);
                var position = IndexOf(items, args[0]);
                if (position >= 0)
                {
                    items.RemoveAt(position);
                }

                return Args.Bool(position >= 0);
            case MethodId.IndexOf:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of(IndexOf(items, args[0]));
            case MethodId.LastIndexOf:
                Args.Count(name, args, 1, 1);
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    if (ValueComparer.AreEqual(items[i], args[0]))
                    {
                        return ScriptNumber.Of(i);
                    }
                }

                return ScriptNumber.Of(-1);
            case MethodId.Contains:
                Args.Count(name, args, 1, 1);
                return Args.Bool(IndexOf(items, args[0]) >= 0);
            case MethodId.IsEmpty:
                Args.Count(name, args, 0, 0);
                return Args.Bool(items.Count == 0);
            case MethodId.Size:
            case MethodId.Length:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of(items.Count);
            case MethodId.Sort:
                Args.Count(name, args, 0, 1);
                var ascending = Args.Boolean(name, args, 0, true);
                var sorted = ascending
                    ? items.OrderBy(v => v, Comparer<ScriptValue>.Create(ValueComparer.SortCompare))
                    : items.OrderByDescending(v => v, Comparer<ScriptValue>.Create(ValueComparer.SortCompare));
                return new ScriptList(sorted.ToList(), adopt: true);
            case MethodId.Distinct:
                Args.Count(name, args, 0, 0);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var distinct = new List<ScriptValue>();
                foreach (var item in items)
                {
                    if (seen.Add(Key(state, item)))
                    {
                        distinct.Add(item);
                    }
                }

                return new ScriptList(distinct, adopt: true);
            case MethodId.Intersect:
                Args.Count(name, args, 1, 1);
                var keys = new HashSet<string>(Args.List(name, args, 0).Items.Select(v => Key(state, v)), StringComparer.Ordinal);
                var added = new HashSet<string>(StringComparer.Ordinal);
                var common = new List<ScriptValue>();
                foreach (var item in items)
                {
                    var key = Key(state, item);
                    if (keys.Contains(key) && added.Add(key))
                    {
                        common.Add(item);
                    }
                }

                return new ScriptList(common, adopt: true);
            case MethodId.Sublist:
                Args.Count(name, args, 1, 2);
                var from = Args.Integer(name, args, 0);
                var to = args.Length > 1 ? Args.Integer(name, args, 1) : items.Count;
                if (from < 0 || to > items.Count || from > to)
                {
                    throw new ScriptRuntimeException($"{name}({from}, {to}) is outside the list of {items.Count} items; use 0 ≤ from ≤ to ≤ size()");
                }

                return new ScriptList(items.GetRange((int)from, (int)(to - from)), adopt: true);
            case MethodId.Clear:
                Args.Count(name, args, 0, 0);
                items.Clear();
                return ScriptNull.Instance;
            case MethodId.ToList:
            case MethodId.ToJsonList:
                // Real code calls toJSONList() on values that are sometimes already lists; a copy is the useful answer.
                Args.Count(name, args, 0, 0);
                return new ScriptList(items, adopt: false);
            default:
                return null;
        }
    }

    // Zoho documents an index outside the list as a runtime error, not null.
    public static int CheckedIndex(string name, ScriptValue[] args, int size)
    {
        var index = Args.Integer(name, args, 0);
        return index >= 0 && index < size
            ? (int)index
            : throw new ScriptRuntimeException($"{name}({index}): index {index} is outside the list of size {size}; valid indexes are 0 to {size - 1} — check size() first");
    }

    public static int IndexOf(List<ScriptValue> items, ScriptValue value)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (ValueComparer.AreEqual(items[i], value))
            {
                return i;
            }
        }

        return -1;
    }

    // Equal values get equal keys: NUMBER 1 and DECIMAL 1.0 compare equal, so both normalise to "n:1".
    public static string Key(RunState state, ScriptValue value) => value switch
    {
        ScriptNumber number => "n:" + number.Value.ToString(CultureInfo.InvariantCulture),
        ScriptDecimal dec => "n:" + (dec.Value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        _ => (int)value.Kind + ":" + state.Display(value),
    };
}
