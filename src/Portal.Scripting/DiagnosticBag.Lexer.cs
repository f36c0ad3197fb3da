using Portal.Scripting.Text;

namespace Portal.Scripting;

/// <summary>What the lexer reports: characters, comments and literals it cannot read.</summary>
internal sealed partial class DiagnosticBag
{
    public void ReportUnexpectedCharacter(TextSpan span, char c) =>
        Report(span, $"unexpected character '{c}'; remove it or put it inside a \"text\" literal");

    public void ReportUnclosedComment(TextSpan span) =>
        Report(span, "comment started with '/*' is never closed; add '*/'");

    public void ReportNumberTooLarge(TextSpan span, string number) =>
        Report(span, $"number '{number}' is too large; numbers must fit in 64 bits (decimals in 28 digits)");

    public void ReportUnclosedText(TextSpan span) =>
        Report(span, "text literal is never closed; add a closing '\"' on the same line");

    public void ReportUnclosedDate(TextSpan span) =>
        Report(span, "date literal is never closed; add a closing \"'\" (single quotes are for dates; use double quotes for text)");
}
