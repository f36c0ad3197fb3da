using Portal.Scripting.Values;
using Portal.Scripting.Tests.Support;

namespace Portal.Scripting.Tests.Runtime;

public sealed class RunResultTests
{
    [Fact]
    public async Task A_run_reports_statements_elapsed_time_and_info_of_nested_functions()
    {
        var script = ScriptEngine.Compile("info \"outer\";\nx = standalone.greet(\"Bo\");\nreturn x;");

        var result = await ScriptEngine.RunAsync(script, null, TestHost.Create(timeProvider: TimeProvider.System));

        Assert.True(result.Success);
        Assert.Equal(["outer", "hello from greet"], result.Info);
        Assert.Equal("Hello, Bo", result.ReturnValue!.ToDisplayString());
        Assert.Equal(5, result.StatementsExecuted);
        Assert.True(result.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_runtime_error_keeps_the_info_lines_written_before_it()
    {
        var script = ScriptEngine.Compile("info \"one\";\ninfo \"two\";\nx = {\"a\": 1}.get(\"a\") + null;");

        var result = await ScriptEngine.RunAsync(script, null, TestHost.Create());

        Assert.Equal(["one", "two"], result.Info);
        Assert.Null(result.ReturnValue);
        Assert.Equal(new ScriptError("cannot use '+' on NUMBER (1) and NULL (null); convert the values first (toNumber(), toDecimal(), toString())", 3, 23), result.Error);
    }

    [Fact]
    public async Task Running_a_script_with_syntax_errors_returns_the_first_error_without_running()
    {
        var script = ScriptEngine.Compile("info \"x\";\ny = ;");

        var result = await ScriptEngine.RunAsync(script, null, TestHost.Create());

        Assert.Empty(result.Info);
        Assert.Equal(2, result.Error!.Line);
        Assert.Equal(0, result.StatementsExecuted);
    }

    [Fact]
    public async Task A_compiled_script_can_run_concurrently_with_separate_state()
    {
        var script = ScriptEngine.Compile("m = Map();\nm.put(\"who\", name);\nreturn m;");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            ScriptEngine.RunAsync(script, new Dictionary<string, ScriptValue> { ["name"] = ScriptValue.Text("u" + i) }, TestHost.Create())));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"{{\"who\":\"u{i}\"}}"), results.Select(r => r.ReturnValue!.ToDisplayString()));
    }
}
