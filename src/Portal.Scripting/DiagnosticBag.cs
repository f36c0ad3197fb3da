using Portal.Scripting.Text;

namespace Portal.Scripting;

/// <summary>Collects compile errors and warnings; caps the count so hostile input cannot produce millions of them.</summary>
internal sealed class DiagnosticBag(SourceText source)
{
    private const int MaxDiagnostics = 100;
    private readonly List<Diagnostic> _items = [];

    public bool Suppressed { get; set; }

    /// <summary>The number of errors (not warnings) so far; the parser's recovery looks at it.</summary>
    public int Count { get; private set; }

    public IReadOnlyList<Diagnostic> ToList() => [.. _items.OrderBy(d => d.Span.Start)];

    public void Report(TextSpan span, string message) => Add(span, message, DiagnosticSeverity.Error);

    public void ReportWarning(TextSpan span, string message) => Add(span, message, DiagnosticSeverity.Warning);

    private void Add(TextSpan span, string message, DiagnosticSeverity severity)
    {
        if (Suppressed || _items.Count >= MaxDiagnostics)
        {
            return;
        }

        var (line, column) = source.GetLineColumn(Math.Min(span.Start, source.Length));
        _items.Add(new Diagnostic(message, line, column, span, severity));
        if (severity == DiagnosticSeverity.Error)
        {
            Count++;
        }
    }

    public void ReportMissingSemicolon(TextSpan span, int line) =>
        Report(span, $"line {line}: missing ';' at the end of the statement; add ';'");

    public void ReportNestingTooDeep(TextSpan span, int max) =>
        Report(span, $"code is nested too deeply (more than {max} levels); split it into smaller expressions or blocks");

    public void ReportSourceTooLong(int length, int max) =>
        Report(new TextSpan(0, 0), $"script is {length} characters long, over the limit of {max}; split it into smaller functions");

    public void ReportUnknownFunction(TextSpan span, string name) =>
        Report(span, $"unknown function '{name}'; check the spelling or call a saved function as standalone.{name}(…)");

    public void ReportInvalidDate(TextSpan span, string text) =>
        Report(span, $"'{text}' is not a valid date; write it like '15-Aug-1947', '15-Aug-1947 19:00:00' or '2024-01-31'");
}
