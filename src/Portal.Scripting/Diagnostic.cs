using Portal.Scripting.Text;

namespace Portal.Scripting;

/// <summary>A compile-time error with its location (1-based line and column) and span in the source.</summary>
public sealed record Diagnostic(string Message, int Line, int Column, TextSpan Span)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
