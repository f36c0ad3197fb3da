using Portal.Scripting.Tests.Support;
using Portal.Scripting.Values;

namespace Portal.Scripting.Tests.Runtime;

/// <summary>
/// Runs are compiled to closures once per script; the tree walker stays as the reference. Every conformance script and
/// every case here must give the same result both ways: return value, info lines, error text, line and column, the
/// number of statements executed and the mails sent.
/// </summary>
public sealed class CompilerTests
{
    public static TheoryData<string> Scripts() => ConformanceScripts.All();

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Conformance_script_runs_the_same_compiled_and_tree_walked(string relativePath)
    {
        var (source, expected, arguments) = await ConformanceScripts.ReadAsync(relativePath);
        var script = ScriptEngine.Compile(source);
        if (!script.Success)
        {
            return;
        }

        await AssertSame(script, arguments);
    }

    [Theory]
    // Slots: loop variables, catch variables and compound assignment read and write the script's own slots.
    [InlineData("a = 1; b = a; a = 2; return b + \",\" + a;")]
    [InlineData("t = 0; for each x in {1, 2, 3} { t += x; } return t + x;")]
    [InlineData("for each index i in {\"a\", \"b\"} { last = i; } return last;")]
    [InlineData("m = {\"k1\": 1, \"k2\": 2}; s = \"\"; for each k in m { s = s + k; } return s;")]
    [InlineData("try { x = 1 / 0; } catch (e) { return e; }")]
    [InlineData("try { y = z + 1; } catch (err) { info err; } return 1;")]
    [InlineData("n = 3; n -= 5; n *= 2; return n;")]
    [InlineData("s = \"a\"; s += 1; return s;")]
    [InlineData("return q;")]
    [InlineData("q += 1; return q;")]
    // Whole-number fast paths overflow into an error and divide into DECIMAL exactly as the general rules do.
    [InlineData("a = 9223372036854775807; return a + 1;")]
    [InlineData("a = 9223372036854775807; return a * 2;")]
    [InlineData("a = -9223372036854775807 - 1; return a - 1;")]
    [InlineData("a = -9223372036854775807 - 1; return -a;")]
    [InlineData("a = -9223372036854775807 - 1; return a / -1;")]
    [InlineData("a = -9223372036854775807 - 1; return a % -1;")]
    [InlineData("a = 7; return a / 2;")]
    [InlineData("a = 7; return a / 0;")]
    [InlineData("a = 7; return a % 0;")]
    [InlineData("a = 7; return a / 7 * 2.5;")]
    [InlineData("a = 7.5; return a * 2 + 1;")]
    [InlineData("a = 2000; b = 2000; return a == b && a <= b && !(a < b) && a >= b && !(a > b) && !(a != b);")]
    [InlineData("a = \"x\"; return a + 1 + 2;")]
    [InlineData("a = 1; return 2 + a + \"x\";")]
    [InlineData("a = null; return a + 1;")]
    [InlineData("a = {1}; return 1 - a;")]
    [InlineData("if (1 + 1) { return 1; }")]
    [InlineData("if (\"x\") { return 1; }")]
    [InlineData("x = 5;\nif (x > 3 && x < 4) {\n return 1;\n} else if (x == 5) {\n return 2;\n} else {\n return 3;\n}")]
    [InlineData("x = 5;\nif (x > 9) { return 1; } else if (x / 0 == 1) { return 2; }")]
    [InlineData("x = 1; if (x || 1) { return 1; }")]
    [InlineData("x = true; if (x || 1) { return 1; }")]
    [InlineData("x = false; if (x && 1) { return 1; } return 2;")]
    [InlineData("x = 1; if (x && true) { return 1; }")]
    // Calls, indexing, literals and the if() and ifnull() forms.
    [InlineData("m = Map(); m.put(\"a\", 1 + 2); l = List(); l.add(m); return l.get(0).get(\"a\") + l.size();")]
    [InlineData("l = {1, 2, 3}; return l[1] + l.get(2);")]
    [InlineData("m = {\"a\": {\"b\": 5}}; return m[\"a\"][\"b\"];")]
    [InlineData("return if(1 < 2, \"y\", \"n\") + ifnull(null, 4);")]
    [InlineData("return if(1, \"y\", \"n\");")]
    [InlineData("x = null; return x.length();")]
    [InlineData("x = \"abc\"; return x.put(\"a\", 1);")]
    [InlineData("return \"abc\".subString(1, 99);")]
    [InlineData("for each x in 5 { info x; }")]
    [InlineData("for each index i in {\"a\": 1} { info i; }")]
    [InlineData("l = {1, 2, 3, 4}; for each x in l { if (x == 2) { continue; } if (x == 4) { break; } info x; } return l.size();")]
    [InlineData("l = {1, 2, 3}; for each x in l { l.removeElement(3); info x; } return l;")]
    [InlineData("info zoho.loginuser; info zoho.currentdate; return -(3);")]
    [InlineData("x = 3; for each i in {1} { for each j in {2} { x = x + i * j; } } return x;")]
    public async Task Snippet_runs_the_same_compiled_and_tree_walked(string source)
    {
        var script = ScriptEngine.Compile(source);
        Assert.True(script.Success, string.Join(" | ", script.Errors));

        await AssertSame(script, null);
    }

    [Fact]
    public async Task Statement_limit_stops_both_at_the_same_statement()
    {
        var script = ScriptEngine.Compile("t = 0;\nfor each x in {1, 2, 3, 4, 5, 6, 7, 8, 9} {\n  if (x > 2) {\n    t = t + x;\n  }\n}\nreturn t;");
        for (var limit = 1; limit < 40; limit++)
        {
            await AssertSame(script, null, new ScriptLimits { MaxStatements = limit });
        }
    }

    [Fact]
    public async Task Deep_nesting_stops_both_with_the_same_error()
    {
        var source = "return " + string.Concat(Enumerable.Repeat("(1 + ", 200)) + "1" + new string(')', 200) + ";";
        var script = ScriptEngine.Compile(source);
        if (script.Success)
        {
            await AssertSame(script, null);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(130)]
    public async Task Pure_chains_of_any_height_and_depth_run_the_same_compiled_and_tree_walked(int height)
    {
        // A chain that checks the depth once at its root, inside blocks that start it at different depths.
        var chain = string.Concat(Enumerable.Repeat("(x + ", height)) + "1" + new string(')', height);
        var source = $"t = 0;\nfor each x in {{1, 2}} {{\n  t = t + {chain};\n  for each y in {{3}} {{\n    if ({chain} > y) {{\n      t = t + {chain} % 7;\n    }}\n  }}\n}}\nreturn t;";
        var script = ScriptEngine.Compile(source);
        Assert.True(script.Success, string.Join(" | ", script.Errors));

        await AssertSame(script, null);
    }

    [Fact]
    public async Task Compiled_body_is_built_once_and_shared_by_runs()
    {
        var script = ScriptEngine.Compile("x = 1; return x + 1;");
        var first = await ScriptEngine.RunAsync(script, null, TestHost.Create());
        var body = script.Body;
        var second = await ScriptEngine.RunAsync(script, null, TestHost.Create());

        Assert.Same(body, script.Body);
        Assert.Equal("2", first.ReturnValue!.ToDisplayString());
        Assert.Equal("2", second.ReturnValue!.ToDisplayString());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1000)]
    [InlineData(-7)]
    [InlineData(-2)]
    [InlineData(4294967295)]
    [InlineData(-4294967295)]
    [InlineData(2147483648)]
    public void Remainder_by_a_constant_is_the_same_as_the_division_remainder(long divisor)
    {
        Assert.True(Portal.Scripting.Runtime.Evaluator.ConstantDivisor.Fits(divisor));
        var operation = new Portal.Scripting.Runtime.Evaluator.ModuloByConstant(ScriptNumber.Of(divisor));
        long[] samples = [0, 1, -1, 6, 7, 8, -6, -7, -8, 999, 1000, 1001, int.MaxValue, int.MinValue, uint.MaxValue, -uint.MaxValue, (long)uint.MaxValue + 1, -(long)uint.MaxValue - 1, long.MaxValue, long.MinValue, long.MinValue + 1];
        var random = new Random(18);
        foreach (var a in samples.Concat(Enumerable.Range(0, 20_000).Select(_ => random.NextInt64(-5_000_000_000, 5_000_000_000))))
        {
            Assert.True(a % divisor == operation.Apply(a), $"{a} % {divisor}: expected {a % divisor}, got {operation.Apply(a)}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(4294967296)]
    [InlineData(long.MinValue)]
    public void Remainder_by_other_constants_keeps_the_general_rules(long divisor)
    {
        Assert.False(Portal.Scripting.Runtime.Evaluator.ConstantDivisor.Fits(divisor));
    }

    [Theory]
    [InlineData("x = 10;\nreturn x % 0;")]
    [InlineData("x = -9223372036854775807 - 1;\nreturn x % -1;")]
    [InlineData("x = -9223372036854775807 - 1;\nreturn x % 7 + x % 4294967296 + x % -4294967295;")]
    [InlineData("x = 9223372036854775807;\nreturn x % 1000 + x % -3;")]
    [InlineData("x = -2147483648;\nreturn x % -1 + x / -1 + x / 2 + x % 3;")]
    [InlineData("x = 2147483648;\ny = -1;\nreturn x % y + x / y;")]
    [InlineData("x = -2147483648;\ny = -1;\nreturn x % y + x / y;")]
    [InlineData("x = -2147483648;\ny = 2;\nreturn x % y + x / y + y / x;")]
    [InlineData("x = 7.5;\nreturn x % 2;")]
    [InlineData("x = \"7\";\nreturn x % 2;")]
    [InlineData("x = null;\nreturn 1 + x % 2;")]
    [InlineData("x = 9223372036854775807;\ny = x + 0;\nreturn y;")]
    [InlineData("x = 9223372036854775807;\ny = x + 1;\nreturn y;")]
    [InlineData("x = 3;\ny = x / 2;\nreturn y;")]
    public async Task Whole_number_fast_paths_run_the_same_compiled_and_tree_walked(string source)
    {
        var script = ScriptEngine.Compile(source);
        Assert.True(script.Success, string.Join(" | ", script.Errors));

        await AssertSame(script, null);
    }

    [Fact]
    public async Task Concurrent_runs_share_one_compiled_body()
    {
        // The closures hold no run state: concurrent runs of one cached script each get their own slots and counters.
        var script = ScriptEngine.Compile("t = 0;\ns = \"\";\nfor each x in items {\n  t = t + x * 3 % 7;\n  s = s + x + \",\";\n}\nreturn t + \":\" + s.length();");
        var items = new Dictionary<string, ScriptValue> { ["items"] = ScriptValue.List(Enumerable.Range(0, 2_000).Select(i => ScriptValue.Number(i))) };
        var expected = await ScriptEngine.RunAsync(script.AsTreeWalker(), items, TestHost.Create());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ScriptEngine.RunAsync(script, items, TestHost.Create()))));

        Assert.All(results, result =>
        {
            Assert.Null(result.Error);
            Assert.Equal(expected.ReturnValue!.ToResultString(), result.ReturnValue!.ToResultString());
            Assert.Equal(expected.StatementsExecuted, result.StatementsExecuted);
        });
    }

    private static async Task AssertSame(CompiledScript script, IReadOnlyDictionary<string, ScriptValue>? arguments, ScriptLimits? limits = null)
    {
        var compiledMails = new RecordingMailer();
        var walkedMails = new RecordingMailer();
        var compiled = await ScriptEngine.RunAsync(script, arguments, TestHost.Create(mailer: compiledMails), limits);
        var walked = await ScriptEngine.RunAsync(script.AsTreeWalker(), arguments, TestHost.Create(mailer: walkedMails), limits);

        Assert.Equal(walked.Error?.ToString(), compiled.Error?.ToString());
        Assert.Equal(walked.Error?.Line, compiled.Error?.Line);
        Assert.Equal(walked.Error?.Column, compiled.Error?.Column);
        Assert.Equal(walked.ReturnValue?.ToResultString(), compiled.ReturnValue?.ToResultString());
        Assert.Equal(walked.ReturnValue?.Kind, compiled.ReturnValue?.Kind);
        Assert.Equal(walked.Info, compiled.Info);
        Assert.Equal(walked.StatementsExecuted, compiled.StatementsExecuted);
        Assert.Equal(walkedMails.Sent.Select(RecordingMailer.Describe), compiledMails.Sent.Select(RecordingMailer.Describe));
        Assert.Equal(walked.HttpCalls.Count, compiled.HttpCalls.Count);
    }
}
