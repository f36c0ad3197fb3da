using System.Reflection;

namespace Portal.Scripting.Tests.Syntax;

/// <summary>
/// Every diagnostic is a named method of <see cref="DiagnosticBag"/> (issue #19): each is written once there and tested once
/// here, by a script that produces exactly that diagnostic and nothing else. A new Report method without a row fails.
/// </summary>
public sealed class DiagnosticCatalogTests
{
    public static TheoryData<string, string, DiagnosticSeverity, string> Diagnostics => new()
    {
        { nameof(DiagnosticBag.ReportMissingSemicolon), "x = 1\ny = 2;", DiagnosticSeverity.Error, "line 1: missing ';' at the end of the statement; add ';'" },
        { nameof(DiagnosticBag.ReportNestingTooDeep), "x = " + new string('(', 300) + "1" + new string(')', 300) + ";", DiagnosticSeverity.Error, "code is nested too deeply (more than 256 levels); split it into smaller expressions or blocks" },
        { nameof(DiagnosticBag.ReportSourceTooLong), "x = 12345678901;", DiagnosticSeverity.Error, "script is 16 characters long, over the limit of 10; split it into smaller functions" },
        { nameof(DiagnosticBag.ReportUnknownFunction), "x = nosuchfunction(1);", DiagnosticSeverity.Error, "unknown function 'nosuchfunction'; check the spelling or call a saved function as standalone.nosuchfunction(…)" },
        { nameof(DiagnosticBag.ReportInvalidDate), "x = '31-Feb-2024';", DiagnosticSeverity.Error, "'31-Feb-2024' is not a valid date; write it like '15-Aug-1947', '15-Aug-1947 19:00:00' or '2024-01-31'" },
        { nameof(DiagnosticBag.ReportUnexpectedCharacter), "x = 1 # 2;", DiagnosticSeverity.Error, "unexpected character '#'; remove it or put it inside a \"text\" literal" },
        { nameof(DiagnosticBag.ReportUnclosedComment), "x = 1; /* never", DiagnosticSeverity.Error, "comment started with '/*' is never closed; add '*/'" },
        { nameof(DiagnosticBag.ReportNumberTooLarge), "x = 99999999999999999999999999999999;", DiagnosticSeverity.Error, "number '99999999999999999999999999999999' is too large; numbers must fit in 64 bits (decimals in 28 digits)" },
        { nameof(DiagnosticBag.ReportUnclosedText), "x = \"abc;", DiagnosticSeverity.Error, "text literal is never closed; add a closing '\"' on the same line" },
        { nameof(DiagnosticBag.ReportUnclosedDate), "x = '31-Jan-2024;", DiagnosticSeverity.Error, "date literal is never closed; add a closing \"'\" (single quotes are for dates; use double quotes for text)" },
        { nameof(DiagnosticBag.ReportExpected), "for each x in [1] { info x; }\nif (true { info 1; }", DiagnosticSeverity.Error, "expected ')' to close the if condition but found '{'" },
        { nameof(DiagnosticBag.ReportUnexpectedCloseBrace), "x = 1;\n}", DiagnosticSeverity.Error, "unexpected '}' with no block to close; remove it or add the missing '{'" },
        { nameof(DiagnosticBag.ReportElseWithoutIf), "x = 1;\nelse { info 1; }", DiagnosticSeverity.Error, "'else' without a matching 'if'; put it right after the closing '}' of an if block" },
        { nameof(DiagnosticBag.ReportCatchWithoutTry), "x = 1;\ncatch (e) { info 1; }", DiagnosticSeverity.Error, "'catch' without a matching 'try'; put it right after the closing '}' of a try block" },
        { nameof(DiagnosticBag.ReportExpressionDoesNothing), "x = 1;\nx + 1;", DiagnosticSeverity.Error, "this expression does nothing on its own; assign it to a variable (x = …) or call a method on it" },
        { nameof(DiagnosticBag.ReportBodyWithoutBraces), "if (true) info 1;", DiagnosticSeverity.Error, "'if' needs its body in braces { … }; wrap the statements in braces" },
        { nameof(DiagnosticBag.ReportUnclosedBlock), "if (true) {\n info 1;", DiagnosticSeverity.Error, "expected '}' to close the block started at line 1; add '}'" },
        { nameof(DiagnosticBag.ReportExpectedEach), "for x in [1] { info x; }", DiagnosticSeverity.Error, "expected 'each' after 'for' but found 'x'; write 'for each item in list { … }'" },
        { nameof(DiagnosticBag.ReportExpectedIn), "for each x of [1] { info x; }", DiagnosticSeverity.Error, "expected 'in' after the loop variable but found 'of'" },
        { nameof(DiagnosticBag.ReportExpectedCatch), "try { info 1; }\ninfo 2;", DiagnosticSeverity.Error, "expected 'catch (e) { … }' after the try block but found 'info'" },
        { nameof(DiagnosticBag.ReportMixedCollection), "m = Collection(\"a\" : 1, 2);", DiagnosticSeverity.Error, "expected ':' after the key; a collection holds either \"key\" : value pairs or plain values, not both" },
        { nameof(DiagnosticBag.ReportUnclosedCollection), "m = Collection(1, 2;", DiagnosticSeverity.Error, "expected ',' or ')' in the Collection started at line 1 but found ';'" },
        { nameof(DiagnosticBag.ReportUnclosedListOrMap), "l = [1, 2;", DiagnosticSeverity.Error, "expected ']' to close the list or map started at line 1 but found ';'" },
        { nameof(DiagnosticBag.ReportAssignmentInCondition), "x = 1;\nif (x = 1) { info x; }", DiagnosticSeverity.Warning, "'=' inside a condition compares here (as Zoho reads it); write '==' to make the comparison clear" },
        { nameof(DiagnosticBag.ReportTextInSingleQuotes), "x = 'Name=';", DiagnosticSeverity.Warning, "'Name=' is not a date, so it is read as text; write \"Name=\" in double quotes (single quotes are for dates like '31-Jan-2024')" },
        { nameof(DiagnosticBag.ReportExpectedValue), "x = ;", DiagnosticSeverity.Error, "expected a value but found ';'" },
        { nameof(DiagnosticBag.ReportExpectedMethodName), "x = \"a\".;", DiagnosticSeverity.Error, "expected a method name after '.' but found ';'" },
        { nameof(DiagnosticBag.ReportMethodWithoutParentheses), "x = \"a\".length;", DiagnosticSeverity.Error, "expected '(' after 'length'; methods are called with parentheses, like .length(), and a map's field is read with .get(\"length\")" },
        { nameof(DiagnosticBag.ReportUnknownMethod), "x = \"a\".nosuchmethod();", DiagnosticSeverity.Error, "unknown method 'nosuchmethod'; check the spelling against the list of built-in methods" },
        { nameof(DiagnosticBag.ReportWrongArgumentCount), "x = \"a\".substring();", DiagnosticSeverity.Error, "substring() takes 1 to 2 argument(s) but got 0; see its signature in the editor's hover" },
        { nameof(DiagnosticBag.ReportArgumentCount), "x = if(true, 1);", DiagnosticSeverity.Error, "if() takes 3 arguments but got 2" },
        { nameof(DiagnosticBag.ReportUnclosedArgumentList), "x = \"a\".substring(1;", DiagnosticSeverity.Error, "expected ',' or ')' in the argument list started at line 1 but found ';'" },
        { nameof(DiagnosticBag.ReportSavedFunctionWithoutParentheses), "x = standalone.myfn;", DiagnosticSeverity.Error, "expected '(' to call standalone.myfn; saved functions are called like standalone.myfn(arguments)" },
        { nameof(DiagnosticBag.ReportMissingTaskPack), "x = zoho.books.getRecords(\"Invoices\", \"1\");", DiagnosticSeverity.Warning, "task 'zoho.books.getRecords' belongs to Zoho Books, which this portal does not provide (it has the zoho.crm pack); call that product's API with invokeUrl and a connection, which reaches any API" },
        { nameof(DiagnosticBag.ReportExpectedArgumentSeparator), "void f(string a string b) { info a; }", DiagnosticSeverity.Error, "expected ',' or ')' in the arguments of f but found 'string'" },
        { nameof(DiagnosticBag.ReportDuplicateArgument), "void f(string a, string a) { info a; }", DiagnosticSeverity.Error, "argument 'a' of f is declared twice; rename one of them" },
        { nameof(DiagnosticBag.ReportUnclosedArguments), "void f(string a { info a; }", DiagnosticSeverity.Error, "expected ')' to close the arguments of f started at line 1 but found '{'" },
        { nameof(DiagnosticBag.ReportExpectedFunctionBody), "void f(string a) info a;", DiagnosticSeverity.Error, "expected '{' to start the body of function f but found 'info'; write void f(…) { … }" },
        { nameof(DiagnosticBag.ReportCodeAfterFunction), "void f(string a) { info a; }\ninfo 2;", DiagnosticSeverity.Error, "code after the closing '}' of function f; move it inside the function's braces or remove it" },
        { nameof(DiagnosticBag.ReportExpectedArgument), "void f(1) { info 1; }", DiagnosticSeverity.Error, "expected an argument like 'string name' in the header of f but found '1'" },
        { nameof(DiagnosticBag.ReportUntypedArgument), "void f(a) { info a; }", DiagnosticSeverity.Error, "argument 'a' of f has no type; write it like 'string a' (types: string, int, decimal, bool, date, datetime, map, list)" },
        { nameof(DiagnosticBag.ReportUnknownArgumentType), "void f(strng a) { info a; }", DiagnosticSeverity.Error, "unknown argument type 'strng' in the header of f; use one of: string, int, decimal, bool, date, datetime, map, list" },
        { nameof(DiagnosticBag.ReportExpectedArgumentName), "void f(string) { info 1; }", DiagnosticSeverity.Error, "expected the argument's name after 'string' but found ')'" },
        { nameof(DiagnosticBag.ReportUnclosedInvokeUrl), "r = invokeUrl [ url: \"https://a.example\" type: GET ;", DiagnosticSeverity.Error, "line 1: expected ']' to close invokeUrl started at line 1 but found ';'; add ']' after the last key" },
        { nameof(DiagnosticBag.ReportUnknownInvokeUrlKey), "r = invokeUrl [ url: \"https://a.example\" type: GET colour: \"red\" ];", DiagnosticSeverity.Error, "unknown invokeUrl key 'colour'; use one of: url, type, headers, parameters, body, content-type, connection, detailed, files" },
        { nameof(DiagnosticBag.ReportDuplicateInvokeUrlKey), "r = invokeUrl [ url: \"https://a.example\" type: GET type: POST ];", DiagnosticSeverity.Error, "invokeUrl key 'type' appears twice; keep only one" },
        { nameof(DiagnosticBag.ReportInvokeUrlWithoutUrl), "r = invokeUrl [ type: GET ];", DiagnosticSeverity.Error, "invokeUrl started at line 1 has no 'url:' key; add url: \"https://…\"" },
        { nameof(DiagnosticBag.ReportUnknownRequestType), "r = invokeUrl [ url: \"https://a.example\" type: GETT ];", DiagnosticSeverity.Error, "unknown request type 'GETT'; use GET, POST, PUT, PATCH or DELETE" },
        { nameof(DiagnosticBag.ReportExpectedSendMailKey), "sendmail [ from: zoho.adminuserid to: \"a@x.com\" subject: \"s\" message: \"m\" 42 ]", DiagnosticSeverity.Error, "line 1: expected a sendmail key (from, to, cc, bcc, reply to, subject, message, content type, attachments) or ']' to close sendmail started at line 1 but found '42'" },
        { nameof(DiagnosticBag.ReportUnknownSendMailKey), "sendmail [ from: zoho.adminuserid to: \"a@x.com\" subject: \"s\" message: \"m\" colour: \"red\" ]", DiagnosticSeverity.Error, "unknown sendmail key 'colour'; use one of: from, to, cc, bcc, reply to, subject, message, content type, attachments" },
        { nameof(DiagnosticBag.ReportDuplicateSendMailKey), "sendmail [ from: zoho.adminuserid to: \"a@x.com\" to: \"b@x.com\" subject: \"s\" message: \"m\" ]", DiagnosticSeverity.Error, "sendmail key 'to' appears twice; keep only one (list several addresses as to: \"a@x.com\", \"b@x.com\")" },
        { nameof(DiagnosticBag.ReportUnclosedSendMail), "sendmail [ from: zoho.adminuserid to: \"a@x.com\" subject: \"s\" message: \"m\"", DiagnosticSeverity.Error, "expected ']' to close sendmail started at line 1; add ']' after the last key" },
        { nameof(DiagnosticBag.ReportSendMailWithoutKey), "sendmail [ from: zoho.adminuserid to: \"a@x.com\" message: \"m\" ]", DiagnosticSeverity.Error, "sendmail started at line 1 has no 'subject:' key; add subject: …" },
    };

    [Theory]
    [MemberData(nameof(Diagnostics))]
    public void Each_diagnostic_has_one_script_that_produces_it_alone(string method, string source, DiagnosticSeverity severity, string message)
    {
        var limits = method == nameof(DiagnosticBag.ReportSourceTooLong) ? new ScriptLimits { MaxSourceLength = 10 } : null;

        var diagnostic = Assert.Single(ScriptEngine.Compile(source, limits).Diagnostics);

        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(severity, diagnostic.Severity);
    }

    [Fact]
    public void Every_report_method_of_the_bag_has_a_row()
    {
        var methods = typeof(DiagnosticBag).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.StartsWith("Report", StringComparison.Ordinal)).Select(m => m.Name).Distinct().Order(StringComparer.Ordinal);
        var rows = Diagnostics.Select(row => (string)row[0]).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(methods, rows);
    }
}
