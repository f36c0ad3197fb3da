using Portal.Scripting.Text;

namespace Portal.Scripting.Runtime;

/// <summary>A runtime error that try/catch in the script can catch; Span is filled in by the evaluator when missing.</summary>
internal class ScriptRuntimeException(string message, TextSpan? span = null) : Exception(message)
{
    public TextSpan? Span { get; set; } = span;
}
