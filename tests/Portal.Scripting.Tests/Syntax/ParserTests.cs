using System.Globalization;
using System.Text;

namespace Portal.Scripting.Tests.Syntax;

public sealed class ParserTests
{
    [Fact]
    public void The_seed_sample_reports_the_missing_url_and_the_missing_bracket_with_locations()
    {
        var source = """
            headermap = map();
            headermap.put("this goes in the header", "value");
            paramMap = map();
            paramMap.put("this goes in the body", "body");
            info paramMap;
            response = invokeUrl [
            type: POST
            headers: headermap
            content-type: "application/json"
            parameters: paramMap.toString()
            connection: "mine"
            info response;
            return "";
            """;

        var result = ScriptEngine.Parse(source);

        Assert.Collection(
            result.Diagnostics,
            url =>
            {
                Assert.Equal((6, 22), (url.Line, url.Column));
                Assert.Contains("no 'url:' key", url.Message, StringComparison.Ordinal);
            },
            bracket =>
            {
                Assert.Equal((12, 1), (bracket.Line, bracket.Column));
                Assert.StartsWith("line 12: expected ']' to close invokeUrl started at line 6", bracket.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Diagnostics_carry_spans_that_cover_the_offending_text()
    {
        var source = "x = 1;\ny = foo(2);";

        var diagnostic = Assert.Single(ScriptEngine.Parse(source).Diagnostics);

        Assert.Equal("foo", source.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
        Assert.Equal((2, 5), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Unterminated_text_and_comments_are_reported_not_crashed_on()
    {
        var result = ScriptEngine.Parse("x = \"open;\n/* never closed");

        Assert.Contains(result.Diagnostics, d => d.Message.Contains("text literal is never closed", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("comment started with '/*' is never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_work_grows_linearly_with_script_length()
    {
        // Wall-clock time is measured by the parse benchmark; allocation is deterministic even on a busy test machine.
        var small = LargeScript(500);
        var large = LargeScript(5000);

        var smallBytes = AllocatedBy(() => ScriptEngine.Parse(small));
        var largeBytes = AllocatedBy(() => ScriptEngine.Parse(large));

        Assert.InRange(largeBytes, smallBytes * 5, smallBytes * 12);
    }

    private static long AllocatedBy(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    internal static string LargeScript(int lines)
    {
        var builder = new StringBuilder();
        var i = 0;
        while (i < lines)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"record{i} = Map();");
            builder.AppendLine(CultureInfo.InvariantCulture, $"record{i}.put(\"name\", \"Item \" + {i});");
            builder.AppendLine(CultureInfo.InvariantCulture, $"if (record{i}.get(\"name\").length() > 3 && {i} % 2 == 0) {{");
            builder.AppendLine(CultureInfo.InvariantCulture, $"  info record{i}.toString() + \" is even\";");
            builder.AppendLine("} else {");
            builder.AppendLine(CultureInfo.InvariantCulture, $"  total = ifnull(total, 0) + {i} * 2;");
            builder.AppendLine("}");
            i += 7;
        }

        return builder.ToString();
    }
}
