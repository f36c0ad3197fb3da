using Portal.Scripting.Tests.Support;

namespace Portal.Scripting.Tests.Runtime;

/// <summary>Argument arrays of built-in calls are reused; nothing a call built or stored may change by a later call.</summary>
public sealed class ArgumentReuseTests
{
    [Theory]
    [InlineData("m = {\"a\": \"b\", \"b\": \"c\"};\nreturn m.get(m.get(if(m.get(\"a\") == \"b\", \"a\", \"x\")));", "c")]
    [InlineData("m = {\"a\": \"b\", \"b\": \"c\"};\nreturn m.get(m.get(\"a\"));", "c")]
    [InlineData("a = List(1, 2);\nb = List(3, 4);\nc = List(a.get(0), b.get(1));\nreturn a.toString() + b.toString() + c.toString();", "[1,2][3,4][1,4]")]
    [InlineData("l = List();\nl.insert(1, 2);\nl.insert(3, 4);\nl.add(5);\nreturn l.toString();", "[1,2,3,4,5]")]
    [InlineData("rows = List();\nfor each i in {1, 2, 3} {\n  r = Map();\n  r.put(\"id\", i);\n  r.put(\"sq\", i * i);\n  rows.add(r);\n}\nreturn rows.toString();", "[{\"id\":1,\"sq\":1},{\"id\":2,\"sq\":4},{\"id\":3,\"sq\":9}]")]
    [InlineData("m = Map();\ntry {\n  m.put(\"a\", 1 / 0);\n} catch (e) {\n  m.put(\"err\", \"yes\");\n}\nm.put(\"b\", 2);\nreturn m.toString();", "{\"err\":\"yes\",\"b\":2}")]
    [InlineData("s = \"\";\nfor each i in {1, 22, 333} {\n  s = s + \"n\" + i + \",\";\n}\nreturn s + 4 + \"/\" + -5;", "n1,n22,n333,4/-5")]
    public async Task Reused_argument_arrays_do_not_leak_between_calls(string source, string expected)
    {
        var result = await ScriptEngine.RunAsync(ScriptEngine.Compile(source), null, TestHost.Create());

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(expected, result.ReturnValue!.ToDisplayString());
    }
}
