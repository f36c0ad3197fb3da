using Portal.Scripting.Text;

namespace Portal.Scripting;

/// <summary>A compile-time error or warning with its location (1-based line and column) and span in the source.</summary>
public sealed record Diagnostic(string Message, int Line, int Column, TextSpan Span, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public bool IsWarning => Severity == DiagnosticSeverity.Warning;

    public override string ToString() => $"line {Line}, column {Column}: {(IsWarning ? "warning: " : string.Empty)}{Message}";
}
