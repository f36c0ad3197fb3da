using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>List methods beyond the basics: insert, removeAll, count, reverse, duplicate and the statistics.</summary>
internal static class ListMoreMethods
{
    public static ScriptValue? Call(RunState state, MethodId id, string name, ScriptList list, ScriptValue[] args)
    {
        var items = list.Items;
        switch (id)
        {
            case MethodId.Insert:
                Args.Count(name, args, 1, int.MaxValue);
                state.CheckCollectionSize((long)items.Count + args.Length);
                items.AddRange(args);
                return ScriptNull.Instance;
            case MethodId.InsertAll:
                Args.Count(name, args, 1, 1);
                var other = Args.List(name, args, 0);
                state.CheckCollectionSize((long)items.Count + other.Count);
                items.AddRange(other.Items.ToArray());
                return ScriptNull.Instance;
            case MethodId.RemoveAll:
                Args.Count(name, args, 1, 1);
                var remove = new HashSet<string>(Args.List(name, args, 0).Items.Select(v => ListMethods.Key(state, v)), StringComparer.Ordinal);
                return Args.Bool(items.RemoveAll(v => remove.Contains(ListMethods.Key(state, v))) > 0);
            case MethodId.NotContains:
                Args.Count(name, args, 1, 1);
                return Args.Bool(ListMethods.IndexOf(items, args[0]) < 0);
            case MethodId.Count:
                Args.Count(name, args, 0, 1);
                return ScriptNumber.Of(args.Length == 0 ? items.Count : items.Count(v => ValueComparer.AreEqual(v, args[0])));
            case MethodId.Reverse:
                Args.Count(name, args, 0, 0);
                var reversed = new List<ScriptValue>(items);
                reversed.Reverse();
                return new ScriptList(reversed, adopt: true);
            case MethodId.Duplicate:
                Args.Count(name, args, 0, 2);
                if (args.Length == 0)
                {
                    return new ScriptList(items, adopt: false);
                }

                return ListMethods.Call(state, MethodId.Sublist, name, list, args);
            case MethodId.Sum:
                Args.Count(name, args, 0, 0);
                return Sum(name, items);
            case MethodId.Average:
                Args.Count(name, args, 0, 0);
                return items.Count == 0 ? ScriptNull.Instance : Normalized(Numbers(name, items).Sum() / items.Count);
            case MethodId.Largest:
            case MethodId.Smallest:
                Args.Count(name, args, 0, 0);
                if (items.Count == 0)
                {
                    return ScriptNull.Instance;
                }

                var best = items[0];
                foreach (var item in items)
                {
                    var comparison = ValueComparer.SortCompare(item, best);
                    best = (id == MethodId.Largest ? comparison > 0 : comparison < 0) ? item : best;
                }

                return best;
            case MethodId.Median:
                Args.Count(name, args, 0, 0);
                return items.Count == 0 ? ScriptNull.Instance : Normalized(Percentile(Numbers(name, items), 0.5m));
            case MethodId.Percentile:
                Args.Count(name, args, 1, 1);
                var k = Args.Number(name, args, 0);
                if (k is < 0 or > 1)
                {
                    throw new ScriptRuntimeException($"percentile({k}) needs k between 0 and 1, e.g. 0.9 for the 90th percentile");
                }

                return items.Count == 0 ? ScriptNull.Instance : Normalized(Percentile(Numbers(name, items), k));
            case MethodId.Rank:
                Args.Count(name, args, 1, 2);
                var target = Args.Number(name, args, 0);
                var ascending = Args.Boolean(name, args, 1, false);
                var numbers = Numbers(name, items);
                if (!numbers.Contains(target))
                {
                    return ScriptNumber.Of(-1);
                }

                return ScriptNumber.Of(1 + numbers.Count(n => ascending ? n < target : n > target));
            default:
                return null;
        }
    }

    private static ScriptValue Sum(string name, List<ScriptValue> items)
    {
        if (items.All(v => v is ScriptNumber))
        {
            var total = 0L;
            foreach (var item in items)
            {
                total = checked(total + ((ScriptNumber)item).Value);
            }

            return ScriptNumber.Of(total);
        }

        return new ScriptDecimal(Numbers(name, items).Sum());
    }

    private static List<decimal> Numbers(string name, List<ScriptValue> items) => items.Select(v => v switch
    {
        ScriptNumber or ScriptDecimal => Operators.ToDecimal(v),
        ScriptText text when decimal.TryParse(text.Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new ScriptRuntimeException($"{name}() works on numbers, but the list holds {v.TypeName} ({Evaluator.Short(v)}); remove or convert that item first"),
    }).ToList();

    // Spreadsheet PERCENTILE: rank k*(n-1) in the sorted values, interpolated between neighbours.
    private static decimal Percentile(List<decimal> numbers, decimal k)
    {
        numbers.Sort();
        var rank = k * (numbers.Count - 1);
        var low = (int)decimal.Floor(rank);
        var high = Math.Min(low + 1, numbers.Count - 1);
        return numbers[low] + ((rank - low) * (numbers[high] - numbers[low]));
    }

    private static ScriptDecimal Normalized(decimal value) =>
        value == decimal.Truncate(value) && Math.Abs(value) < long.MaxValue ? new ScriptDecimal(decimal.Truncate(value)) : new ScriptDecimal(value / 1.000000000000000000000000000000m);
}
