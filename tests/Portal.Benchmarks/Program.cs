using System.Diagnostics;
using System.Text;
using Portal.Scripting;
using Portal.Scripting.Syntax;
using Portal.Scripting.Text;

var builder = new StringBuilder();
for (var i = 0; i < 5000; i += 7)
{
    builder.AppendLine($"record{i} = Map();");
    builder.AppendLine($"record{i}.put(\"name\", \"Item \" + {i});");
    builder.AppendLine($"if (record{i}.get(\"name\").length() > 3 && {i} % 2 == 0) {{");
    builder.AppendLine($"  info record{i}.toString() + \" is even\";");
    builder.AppendLine("} else {");
    builder.AppendLine($"  total = ifnull(total, 0) + {i} * 2;");
    builder.AppendLine("}");
}
var source = builder.ToString();
for (var round = 0; round < 5; round++)
{
    var sw = Stopwatch.StartNew();
    var text = new SourceText(source);
    var t1 = sw.Elapsed;
    var tokens = new Lexer(text, new DiagnosticBag(text)).LexAll();
    var t2 = sw.Elapsed;
    var r = ScriptEngine.Parse(source);
    var t3 = sw.Elapsed;
    Console.WriteLine($"source {t1.TotalMilliseconds} lex {(t2 - t1).TotalMilliseconds} parse-all {(t3 - t2).TotalMilliseconds} tokens {tokens.Count} diags {r.Diagnostics.Count}");
}
