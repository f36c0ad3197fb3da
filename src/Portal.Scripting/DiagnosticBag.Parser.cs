using Portal.Scripting.Text;

namespace Portal.Scripting;

/// <summary>What the parser reports about statements, blocks, expressions, calls and collections.</summary>
internal sealed partial class DiagnosticBag
{
    public void ReportExpected(TextSpan span, string what, string found) =>
        ReportPlaced(span, $"expected {what} but found {found}");

    public void ReportUnexpectedCloseBrace(TextSpan span) =>
        ReportPlaced(span, "unexpected '}' with no block to close; remove it or add the missing '{'");

    public void ReportElseWithoutIf(TextSpan span) =>
        ReportPlaced(span, "'else' without a matching 'if'; put it right after the closing '}' of an if block");

    public void ReportCatchWithoutTry(TextSpan span) =>
        ReportPlaced(span, "'catch' without a matching 'try'; put it right after the closing '}' of a try block");

    public void ReportExpressionDoesNothing(TextSpan span) =>
        ReportPlaced(span, "this expression does nothing on its own; assign it to a variable (x = …) or call a method on it");

    public void ReportBodyWithoutBraces(TextSpan span, string owner) =>
        ReportPlaced(span, $"'{owner}' needs its body in braces {{ … }}; wrap the statements in braces");

    public void ReportUnclosedBlock(TextSpan span, int openLine) =>
        ReportPlaced(span, $"expected '}}' to close the block started at line {openLine}; add '}}'");

    public void ReportExpectedEach(TextSpan span, string found) =>
        ReportPlaced(span, $"expected 'each' after 'for' but found {found}; write 'for each item in list {{ … }}'");

    public void ReportExpectedIn(TextSpan span, string found) =>
        ReportPlaced(span, $"expected 'in' after the loop variable but found {found}");

    public void ReportExpectedCatch(TextSpan span, string found) =>
        ReportPlaced(span, $"expected 'catch (e) {{ … }}' after the try block but found {found}");

    public void ReportMixedCollection(TextSpan span) =>
        ReportPlaced(span, "expected ':' after the key; a collection holds either \"key\" : value pairs or plain values, not both");

    public void ReportUnclosedCollection(TextSpan span, int openLine, string found) =>
        ReportPlaced(span, $"expected ',' or ')' in the Collection started at line {openLine} but found {found}");

    public void ReportUnclosedListOrMap(TextSpan span, string close, int openLine, string found) =>
        ReportPlaced(span, $"expected {close} to close the list or map started at line {openLine} but found {found}");

    public void ReportAssignmentInCondition(TextSpan span) =>
        ReportWarning(span, "'=' inside a condition compares here (as Zoho reads it); write '==' to make the comparison clear");

    public void ReportTextInSingleQuotes(TextSpan span, string text) =>
        ReportWarning(span, $"'{text}' is not a date, so it is read as text; write \"{text}\" in double quotes (single quotes are for dates like '31-Jan-2024')");

    public void ReportExpectedValue(TextSpan span, string found) =>
        ReportPlaced(span, $"expected a value but found {found}");

    public void ReportExpectedMethodName(TextSpan span, string found) =>
        ReportPlaced(span, $"expected a method name after '.' but found {found}");

    public void ReportMethodWithoutParentheses(TextSpan span, string name) =>
        ReportPlaced(span, $"expected '(' after '{name}'; methods are called with parentheses, like .{name}(), and a map's field is read with .get(\"{name}\")");

    public void ReportUnknownMethod(TextSpan span, string name) =>
        ReportPlaced(span, $"unknown method '{name}'; check the spelling against the list of built-in methods");

    /// <summary>A built-in called with the wrong number of arguments; the registry words the expected signature.</summary>
    public void ReportWrongArgumentCount(TextSpan span, string registryMessage) => ReportPlaced(span, registryMessage);

    public void ReportArgumentCount(TextSpan span, string name, int min, int max, int count) =>
        ReportPlaced(span, min == max ? $"{name}() takes {min} arguments but got {count}" : $"{name}() takes {min} to {max} arguments but got {count}");

    public void ReportUnclosedArgumentList(TextSpan span, int openLine, string found) =>
        ReportPlaced(span, $"expected ',' or ')' in the argument list started at line {openLine} but found {found}");

    public void ReportSavedFunctionWithoutParentheses(TextSpan span, string name) =>
        ReportPlaced(span, $"expected '(' to call {name}; saved functions are called like {name}(arguments)");

    /// <summary>A zoho.* task of a pack this portal does not have; <see cref="TaskPacks"/> words which pack.</summary>
    public void ReportMissingTaskPack(TextSpan span, string packMessage) => ReportWarning(span, packMessage);
}
