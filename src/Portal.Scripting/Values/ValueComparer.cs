using Portal.Scripting.Runtime;

namespace Portal.Scripting.Values;

/// <summary>Equality and ordering rules: numbers compare across NUMBER/DECIMAL, TEXT is case-sensitive, null equals only null.</summary>
internal static class ValueComparer
{
    public static bool AreEqual(ScriptValue left, ScriptValue right) => AreEqual(left, right, 0);

    public static int Compare(ScriptValue left, ScriptValue right)
    {
        switch (left)
        {
            case ScriptNumber a when right is ScriptNumber b:
                return a.Value.CompareTo(b.Value);
            case ScriptNumber or ScriptDecimal when right is ScriptNumber or ScriptDecimal:
                return ToDecimal(left).CompareTo(ToDecimal(right));
            case ScriptText a when right is ScriptText b:
                return string.CompareOrdinal(a.Value, b.Value);
            case ScriptDateTime a when right is ScriptDateTime b:
                return a.Value.CompareTo(b.Value);
            case ScriptBoolean a when right is ScriptBoolean b:
                return a.Value.CompareTo(b.Value);
            default:
                throw new ScriptRuntimeException($"cannot compare {left.TypeName} with {right.TypeName}; convert one side first (for example with toNumber() or toString())");
        }
    }

    /// <summary>Total order for sort(): nulls first, then numbers, text, dates, others by text form.</summary>
    public static int SortCompare(ScriptValue left, ScriptValue right)
    {
        var rankLeft = Rank(left);
        var rankRight = Rank(right);
        if (rankLeft != rankRight)
        {
            return rankLeft.CompareTo(rankRight);
        }

        return rankLeft switch
        {
            0 => 0,
            4 => string.CompareOrdinal(left.ToDisplayString(), right.ToDisplayString()),
            _ => Compare(left, right),
        };
    }

    private static int Rank(ScriptValue value) => value switch
    {
        ScriptNull => 0,
        ScriptNumber or ScriptDecimal => 1,
        ScriptText => 2,
        ScriptDateTime => 3,
        ScriptBoolean => 5,
        _ => 4,
    };

    private static decimal ToDecimal(ScriptValue value) => value is ScriptNumber n ? n.Value : ((ScriptDecimal)value).Value;

    private static bool AreEqual(ScriptValue left, ScriptValue right, int depth)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (depth > ValueFormatter.MaxDepth)
        {
            throw new ScriptRuntimeException($"values are nested more than {ValueFormatter.MaxDepth} levels deep (or contain themselves); compare smaller parts");
        }

        switch (left)
        {
            case ScriptNumber a when right is ScriptNumber b:
                return a.Value == b.Value;
            case ScriptNumber or ScriptDecimal when right is ScriptNumber or ScriptDecimal:
                return ToDecimal(left) == ToDecimal(right);
            case ScriptText a when right is ScriptText b:
                return a.Length == b.Length && string.Equals(a.Value, b.Value, StringComparison.Ordinal);
            case ScriptBoolean a when right is ScriptBoolean b:
                return a.Value == b.Value;
            case ScriptDateTime a when right is ScriptDateTime b:
                return a.Value == b.Value;
            case ScriptList a when right is ScriptList b:
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!AreEqual(a.Items[i], b.Items[i], depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case ScriptMap a when right is ScriptMap b:
                if (a.Count != b.Count)
                {
                    return false;
                }

                foreach (var (key, value) in a.Entries)
                {
                    if (!b.Entries.TryGetValue(key, out var other) || !AreEqual(value, other, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
