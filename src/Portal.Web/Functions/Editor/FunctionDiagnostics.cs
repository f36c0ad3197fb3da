using Portal.Scripting;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions.Editor;

/// <summary>Turns the parser's diagnostics into editor markers; runs on every (debounced) keystroke.</summary>
public static class FunctionDiagnostics
{
    /// <param name="knownConnections">Link names the user may use; when given, other names in <c>connection: "…"</c> get a warning.</param>
    public static IReadOnlyList<EditorMarker> Analyze(string code, IReadOnlyCollection<string>? knownConnections = null)
    {
        code ??= string.Empty;
        var diagnostics = ScriptEngine.Parse(code, FunctionRunner.EditorLimits).Diagnostics;
        var warnings = knownConnections is null ? [] : UnknownConnectionMarkers.Find(code, knownConnections);
        if (diagnostics.Count == 0)
        {
            return warnings;
        }

        var lineStarts = LineStarts(code);
        return [.. diagnostics.Select(d => ToMarker(d, code, lineStarts)), .. warnings];
    }

    private static EditorMarker ToMarker(Diagnostic d, string code, List<int> lineStarts)
    {
        var (endLine, endColumn) = Position(lineStarts, Math.Min(d.Span.End, code.Length));

        // A zero-width or line-crossing span is widened to the rest of the word so the squiggle is visible.
        if (endLine < d.Line || (endLine == d.Line && endColumn <= d.Column) || endLine > d.Line)
        {
            endLine = d.Line;
            var start = lineStarts[Math.Clamp(d.Line - 1, 0, lineStarts.Count - 1)] + d.Column - 1;
            var end = start;
            while (end < code.Length && code[end] is not ('\n' or '\r') && (end == start || !char.IsWhiteSpace(code[end])))
            {
                end++;
            }

            endColumn = d.Column + Math.Max(1, end - start);
        }

        return new EditorMarker(d.Line, d.Column, endLine, endColumn, d.Message, d.IsWarning ? EditorMarker.Warning : EditorMarker.Error);
    }

    private static List<int> LineStarts(string code)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < code.Length; i++)
        {
            if (code[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static (int Line, int Column) Position(List<int> lineStarts, int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }
}
