using Portal.Scripting.Text;

namespace Portal.Scripting;

/// <summary>
/// Collects compile errors and warnings; caps the count so hostile input cannot produce millions of them. Every diagnostic
/// is a named method (as in Minsk): each message is written once, here and in the partial files beside it
/// (<c>DiagnosticBag.Lexer.cs</c>, <c>DiagnosticBag.Parser.cs</c>, <c>DiagnosticBag.Requests.cs</c>).
/// </summary>
internal sealed partial class DiagnosticBag(SourceText source)
{
    private const int MaxDiagnostics = 100;
    private readonly List<Diagnostic> _items = [];

    public bool Suppressed { get; set; }

    /// <summary>
    /// Where a parse error goes, set by the parser while it runs: a new span, or null to drop the error (a cascade at the
    /// place of the previous one). Diagnostics the lexer and the parser report as given do not pass through it.
    /// </summary>
    public Func<TextSpan, TextSpan?>? Placement { get; set; }

    /// <summary>The number of errors (not warnings) so far; the parser's recovery looks at it.</summary>
    public int Count { get; private set; }

    public IReadOnlyList<Diagnostic> ToList() => [.. _items.OrderBy(d => d.Span.Start)];

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

    private void Report(TextSpan span, string message) => Add(span, message, DiagnosticSeverity.Error);

    private void ReportWarning(TextSpan span, string message) => Add(span, message, DiagnosticSeverity.Warning);

    /// <summary>A parse error, placed by <see cref="Placement"/>.</summary>
    private void ReportPlaced(TextSpan span, string message)
    {
        if (Placement is { } place)
        {
            if (place(span) is not { } placed)
            {
                return;
            }

            span = placed;
        }

        Report(span, message);
    }

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
}
