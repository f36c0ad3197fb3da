using Portal.Scripting.Runtime.Builtins;

namespace Portal.Scripting.Catalog;

/// <summary>Collects catalog entries; arity comes from the signature so the two can never disagree.</summary>
internal sealed class CatalogBuilder
{
    public List<BuiltinEntry> Entries { get; } = [];

    public void Method(BuiltinReceiver receiver, string signature, string result, string doc, string example, string exampleResult, bool functionForm = true)
    {
        var name = NameOf(signature);
        var id = Enum.TryParse<MethodId>(name, ignoreCase: true, out var parsed) && parsed != MethodId.Unknown
            ? parsed
            : throw new InvalidOperationException($"method '{name}' has no MethodId");
        var (min, max) = Arity(signature);
        Entries.Add(new BuiltinEntry(name, receiver, signature, doc)
        {
            Result = result, Example = example, ExampleResult = exampleResult, MinArgs = min, MaxArgs = max,
            HasFunctionForm = functionForm, Method = id,
        });
    }

    public void Function(string signature, string result, string doc, string example, string exampleResult, GlobalFunctionId? id = null)
    {
        var name = NameOf(signature);
        var function = id ?? (Enum.TryParse<GlobalFunctionId>(name, ignoreCase: true, out var parsed) && parsed != GlobalFunctionId.Unknown
            ? parsed
            : throw new InvalidOperationException($"function '{name}' has no GlobalFunctionId"));
        var (min, max) = Arity(signature);
        Entries.Add(new BuiltinEntry(name, BuiltinReceiver.Global, signature, doc)
        {
            Result = result, Example = example, ExampleResult = exampleResult, MinArgs = min, MaxArgs = max, Function = function,
        });
    }

    public void Other(BuiltinReceiver receiver, string name, string signature, string result, string doc, string example = "") =>
        Entries.Add(new BuiltinEntry(name, receiver, signature, doc) { Result = result, Example = example });

    private static string NameOf(string signature) => signature[..signature.IndexOf('(')];

    internal static (int Min, int Max) Arity(string signature)
    {
        var open = signature.IndexOf('(');
        var inner = signature[(open + 1)..signature.LastIndexOf(')')].Trim();
        if (inner.Length == 0)
        {
            return (0, 0);
        }

        var parameters = inner.Split(',', StringSplitOptions.TrimEntries);
        var min = parameters.Count(p => !p.Contains('?'));
        var max = parameters.Any(p => p.EndsWith('…')) ? int.MaxValue : parameters.Length;
        return (min, max);
    }
}
