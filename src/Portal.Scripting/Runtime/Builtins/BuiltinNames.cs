using System.Collections.Frozen;
using Portal.Scripting.Catalog;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>Case-insensitive name tables built from <see cref="BuiltinCatalog"/> and resolved once at parse time.</summary>
internal static class BuiltinNames
{
    private static readonly FrozenDictionary<string, MethodId> Methods = BuiltinCatalog.All
        .Where(e => e.IsMethod)
        .GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.First().Method, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<MethodId, (int Min, int Max, bool FunctionForm)> MethodArity = BuiltinCatalog.All
        .Where(e => e.IsMethod)
        .GroupBy(e => e.Method)
        .ToFrozenDictionary(g => g.Key, g => (g.Min(e => e.MinArgs), g.Max(e => e.MaxArgs), g.Any(e => e.HasFunctionForm)));

    private static readonly FrozenDictionary<string, BuiltinEntry> Functions = BuiltinCatalog.All
        .Where(e => e.Receiver == BuiltinReceiver.Global)
        .ToFrozenDictionary(e => e.Name, e => e, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> SystemValues = BuiltinCatalog.All
        .Where(e => e.Receiver == BuiltinReceiver.SystemValue)
        .Select(e => e.Name)
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static MethodId LookupMethod(string name) => Methods.TryGetValue(name, out var id) ? id : MethodId.Unknown;

    public static GlobalFunctionId LookupFunction(string name) => Functions.TryGetValue(name, out var entry) ? entry.Function : GlobalFunctionId.Unknown;

    /// <summary>A method Zoho also documents as a function, e.g. size(list) or daysBetween(a, b).</summary>
    public static MethodId LookupMethodForm(string name) =>
        Methods.TryGetValue(name, out var id) && MethodArity[id].FunctionForm ? id : MethodId.Unknown;

    public static bool IsSystemValue(string qualifiedName) => SystemValues.Contains(qualifiedName);

    /// <summary>The arity error for a method call, or null when some receiver takes that many arguments.</summary>
    public static string? MethodArityError(string name, MethodId id, int count) =>
        MethodArity.TryGetValue(id, out var arity) ? ArityError(name, arity.Min, arity.Max, count) : null;

    public static string? FunctionArityError(string name, int count) =>
        Functions.TryGetValue(name, out var entry) && entry.Function != GlobalFunctionId.If ? ArityError(name, entry.MinArgs, entry.MaxArgs, count) : null;

    private static string? ArityError(string name, int min, int max, int count)
    {
        if (count >= min && count <= max)
        {
            return null;
        }

        var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
        return $"{name}() takes {expected} argument(s) but got {count}; see its signature in the editor's hover";
    }
}
