using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

internal static class MapMethods
{
    public static ScriptValue? Call(RunState state, MethodId id, string name, ScriptMap map, ScriptValue[] args)
    {
        var entries = map.Entries;
        switch (id)
        {
            case MethodId.Put when args.Length == 1 && args[0] is ScriptMap:
                return Call(state, MethodId.PutAll, name, map, args);
            case MethodId.Put:
                Args.Count(name, args, 2, 2);
                var key = Args.Text(state, args, 0);
                if (!entries.TryAdd(key, args[1]))
                {
                    entries[key] = args[1];
                }
                else if (entries.Count > state.Limits.MaxCollectionSize)
                {
                    entries.Remove(key);
                    state.CheckCollectionSize(entries.Count + 1L);
                }
                return ScriptNull.Instance;
            case MethodId.PutAll:
                Args.Count(name, args, 1, 1);
                var other = Args.Map(name, args, 0);
                state.CheckCollectionSize((long)entries.Count + other.Count);
                foreach (var (otherKey, value) in other.Entries.ToArray())
                {
                    entries[otherKey] = value;
                }

                return ScriptNull.Instance;
            case MethodId.Get:
            case MethodId.GetJson:
                Args.Count(name, args, 1, 1);
                return entries.TryGetValue(Args.Text(state, args, 0), out var found) ? found : ScriptNull.Instance;
            case MethodId.GetKey:
                Args.Count(name, args, 1, 1);
                foreach (var (candidate, value) in entries)
                {
                    if (ValueComparer.AreEqual(value, args[0]))
                    {
                        return new ScriptText(candidate);
                    }
                }

                return ScriptNull.Instance;
            case MethodId.DeleteKey:
                Args.Count(name, args, 1, 1);
                entries.Remove(Args.Text(state, args, 0));
                return ScriptNull.Instance;
            case MethodId.Remove:
                Args.Count(name, args, 1, 1);
                return entries.Remove(Args.Text(state, args, 0), out var removed) ? removed : ScriptNull.Instance;
            case MethodId.Clear:
                Args.Count(name, args, 0, 0);
                entries.Clear();
                return ScriptNull.Instance;
            case MethodId.Keys:
                Args.Count(name, args, 0, 0);
                var keys = new List<ScriptValue>(entries.Count);
                foreach (var k in entries.Keys)
                {
                    keys.Add(new ScriptText(k));
                }

                return new ScriptList(keys, adopt: true);
            case MethodId.Values:
                Args.Count(name, args, 0, 0);
                return new ScriptList([.. entries.Values], adopt: true);
            case MethodId.ContainKey:
            case MethodId.ContainsKey:
                Args.Count(name, args, 1, 1);
                return Args.Bool(entries.ContainsKey(Args.Text(state, args, 0)));
            case MethodId.ContainValue:
            case MethodId.ContainsValue:
                Args.Count(name, args, 1, 1);
                foreach (var value in entries.Values)
                {
                    if (ValueComparer.AreEqual(value, args[0]))
                    {
                        return ScriptBoolean.True;
                    }
                }

                return ScriptBoolean.False;
            case MethodId.IsEmpty:
                Args.Count(name, args, 0, 0);
                return Args.Bool(entries.Count == 0);
            case MethodId.Size:
            case MethodId.Length:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of(entries.Count);
            case MethodId.ToMap:
            case MethodId.Duplicate:
                Args.Count(name, args, 0, 0);
                var copy = new ScriptMap(entries.Count);
                foreach (var (k, v) in entries)
                {
                    copy.Entries[k] = v;
                }

                return copy;
            default:
                return null;
        }
    }
}
