using Portal.Scripting.Text;

namespace Portal.Scripting;

/// <summary>What the parser reports about function headers, invokeUrl and sendmail.</summary>
internal sealed partial class DiagnosticBag
{
    public void ReportExpectedArgumentSeparator(TextSpan span, string function, string found) =>
        ReportPlaced(span, $"expected ',' or ')' in the arguments of {function} but found {found}");

    public void ReportDuplicateArgument(TextSpan span, string argument, string function) =>
        ReportPlaced(span, $"argument '{argument}' of {function} is declared twice; rename one of them");

    public void ReportUnclosedArguments(TextSpan span, string function, int openLine, string found) =>
        ReportPlaced(span, $"expected ')' to close the arguments of {function} started at line {openLine} but found {found}");

    public void ReportExpectedFunctionBody(TextSpan span, string function, string found, string returnType, string ns) =>
        ReportPlaced(span, $"expected '{{' to start the body of function {function} but found {found}; write {returnType} {(ns.Length > 0 ? ns + "." : string.Empty)}{function}(…) {{ … }}");

    public void ReportCodeAfterFunction(TextSpan span, string function) =>
        ReportPlaced(span, $"code after the closing '}}' of function {function}; move it inside the function's braces or remove it");

    public void ReportExpectedArgument(TextSpan span, string function, string found) =>
        ReportPlaced(span, $"expected an argument like 'string name' in the header of {function} but found {found}");

    public void ReportUntypedArgument(TextSpan span, string argument, string function, string types) =>
        ReportPlaced(span, $"argument '{argument}' of {function} has no type; write it like 'string {argument}' (types: {types})");

    public void ReportUnknownArgumentType(TextSpan span, string type, string function, string types) =>
        ReportPlaced(span, $"unknown argument type '{type}' in the header of {function}; use one of: {types}");

    public void ReportExpectedArgumentName(TextSpan span, string type, string found) =>
        ReportPlaced(span, $"expected the argument's name after '{type}' but found {found}");

    public void ReportUnclosedInvokeUrl(TextSpan span, int line, int openLine, string found) =>
        ReportPlaced(span, $"line {line}: expected ']' to close invokeUrl started at line {openLine} but found {found}; add ']' after the last key");

    public void ReportUnknownInvokeUrlKey(TextSpan span, string key, IEnumerable<string> keys) =>
        ReportPlaced(span, $"unknown invokeUrl key '{key}'; use one of: {string.Join(", ", keys)}");

    public void ReportDuplicateInvokeUrlKey(TextSpan span, string key) =>
        ReportPlaced(span, $"invokeUrl key '{key}' appears twice; keep only one");

    public void ReportInvokeUrlWithoutUrl(TextSpan span, int openLine) =>
        ReportPlaced(span, $"invokeUrl started at line {openLine} has no 'url:' key; add url: \"https://…\"");

    /// <summary><paramref name="quoted"/> is the type as written, with its quotes (<c>'GETT'</c> or <c>"GETT"</c>).</summary>
    public void ReportUnknownRequestType(TextSpan span, string quoted) =>
        ReportPlaced(span, $"unknown request type {quoted}; use GET, POST, PUT, PATCH or DELETE");

    public void ReportExpectedSendMailKey(TextSpan span, int line, IEnumerable<string> keys, int openLine, string found) =>
        ReportPlaced(span, $"line {line}: expected a sendmail key ({string.Join(", ", keys)}) or ']' to close sendmail started at line {openLine} but found {found}");

    public void ReportUnknownSendMailKey(TextSpan span, string key, IEnumerable<string> keys) =>
        ReportPlaced(span, $"unknown sendmail key '{key}'; use one of: {string.Join(", ", keys)}");

    public void ReportDuplicateSendMailKey(TextSpan span, string key) =>
        ReportPlaced(span, $"sendmail key '{key}' appears twice; keep only one (list several addresses as to: \"a@x.com\", \"b@x.com\")");

    public void ReportUnclosedSendMail(TextSpan span, int openLine) =>
        ReportPlaced(span, $"expected ']' to close sendmail started at line {openLine}; add ']' after the last key");

    public void ReportSendMailWithoutKey(TextSpan span, int openLine, string key) =>
        ReportPlaced(span, $"sendmail started at line {openLine} has no '{key}:' key; add {key}: …");
}
