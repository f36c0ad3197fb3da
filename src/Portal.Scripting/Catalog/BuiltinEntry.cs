using Portal.Scripting.Runtime.Builtins;

namespace Portal.Scripting.Catalog;

/// <summary>
/// One built-in, declared once: name, receiver, signature (its parameters give the arity; <c>x?</c> is optional,
/// <c>x…</c> repeats (<c>x?…</c> zero or more times)), result type, a one-line doc and an example whose display form is <see cref="ExampleResult"/>.
/// </summary>
public sealed record BuiltinEntry(string Name, BuiltinReceiver Receiver, string Signature, string Doc)
{
    public string Result { get; init; } = "";

    public string Example { get; init; } = "";

    public string ExampleResult { get; init; } = "";

    public int MinArgs { get; init; }

    public int MaxArgs { get; init; }

    /// <summary>True when Zoho documents <c>name(value, args…)</c> next to <c>value.name(args…)</c>.</summary>
    public bool HasFunctionForm { get; init; }

    internal MethodId Method { get; init; }

    internal GlobalFunctionId Function { get; init; }

    public bool IsMethod => Receiver is BuiltinReceiver.Map or BuiltinReceiver.List or BuiltinReceiver.Text or BuiltinReceiver.Number or BuiltinReceiver.DateTime or BuiltinReceiver.File or BuiltinReceiver.Any;
}
