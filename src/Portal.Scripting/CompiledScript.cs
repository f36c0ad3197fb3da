using Portal.Scripting.Runtime;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;

namespace Portal.Scripting;

/// <summary>A parsed, checked script; immutable and safe to run many times and concurrently.</summary>
public sealed class CompiledScript
{
    internal CompiledScript(string source, SourceText text, BlockStatement root, IReadOnlyDictionary<string, int> slots, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Text = text;
        Root = root;
        Slots = slots;
        Diagnostics = diagnostics;
    }

    public string Source { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when there is no error; warnings do not stop a script.</summary>
    public bool Success => !Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.IsWarning);

    /// <summary>The function header the source starts with, if any (its name and declared arguments).</summary>
    public FunctionHeader? Header { get; internal init; }

    /// <summary>Every variable name the script uses (case-insensitive).</summary>
    public IEnumerable<string> VariableNames => Slots.Keys;

    internal SourceText Text { get; }

    internal BlockStatement Root { get; }

    internal IReadOnlyDictionary<string, int> Slots { get; }

    /// <summary>The top-level statements compiled to closures, built on the first run and shared by later runs.</summary>
    internal CompiledStatement[] Body => _body ?? Interlocked.CompareExchange(ref _body, Evaluator.Compiler.Statements(Root.Statements), null) ?? _body!;

    /// <summary>Runs on the tree walker instead of the compiled closures (tests compare the two).</summary>
    internal bool TreeWalk { get; init; }

    private CompiledStatement[]? _body;

    /// <summary>The same script, run on the tree walker.</summary>
    internal CompiledScript AsTreeWalker() => new(Source, Text, Root, Slots, Diagnostics) { Header = Header, TreeWalk = true };
}
