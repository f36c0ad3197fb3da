using System.Diagnostics;
using Portal.Scripting.Http;
using Portal.Scripting.Values;
using Portal.Scripting.Tests.Support;

namespace Portal.Scripting.Tests.Limits;

[Collection(TimingCollection.Name)]
public sealed class LimitTests
{
    private const string RunawayLoops = """
        l = List();
        for each a in {1,2,3,4,5,6,7,8,9,10} {
          for each b in {1,2,3,4,5,6,7,8,9,10} {
            for each c in {1,2,3,4,5,6,7,8,9,10} {
              l.add(c);
            }
          }
        }
        n = 0;
        for each x in l { for each y in l { for each z in l { n = n + 1; } } }
        """;

    [Fact]
    public async Task A_runaway_loop_stops_at_the_statement_limit() // SEC-26
    {
        var limits = new ScriptLimits { MaxStatements = 50_000 };

        var result = await RunAsync(RunawayLoops, limits);

        Assert.StartsWith("statement limit exceeded: the run executed more than 50,000 statements", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(10, result.Error.Line);
        Assert.InRange(result.StatementsExecuted, 50_000, 50_001);
    }

    [Fact]
    public async Task A_runaway_loop_stops_at_the_time_limit_within_its_budget() // SEC-26
    {
        var limits = new ScriptLimits { MaxStatements = long.MaxValue, Timeout = TimeSpan.FromSeconds(1) };
        var stopwatch = Stopwatch.StartNew();

        var result = await ScriptEngine.RunAsync(ScriptEngine.Compile(RunawayLoops), null, TestHost.Create(timeProvider: TimeProvider.System), limits);

        stopwatch.Stop();
        Assert.StartsWith("time limit exceeded: the run took longer than 1 s", result.Error!.Message, StringComparison.Ordinal);
        // The loop never ends on its own; stopping within half a second of the deadline proves the single deadline
        // is honoured, with headroom for a busy CI runner.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1.5), $"stopped after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_the_caller_token_stops_the_run()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var result = await ScriptEngine.RunAsync(ScriptEngine.Compile(RunawayLoops), null, TestHost.Create(), new ScriptLimits { MaxStatements = long.MaxValue }, cts.Token);

        Assert.Equal("the run was cancelled", result.Error!.Message);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("if (true) { ", "}")]
    [InlineData("[", "]")]
    [InlineData("{\"a\": ", "}")]
    [InlineData("-", "")]
    public void Ten_thousand_levels_of_nesting_give_one_clean_diagnostic(string open, string close) // SEC-25
    {
        var inner = string.Concat(Enumerable.Repeat(open, 10_000)) + "1" + string.Concat(Enumerable.Repeat(close, 10_000));
        var source = open.StartsWith("if", StringComparison.Ordinal) ? inner.Replace("1}", "x = 1;}", StringComparison.Ordinal) : "x = " + inner + ";";

        var result = ScriptEngine.Parse(source);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.StartsWith("code is nested too deeply (more than 256 levels)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_thousand_term_operator_chain_gives_a_clean_diagnostic() // SEC-25
    {
        var source = "x = 1" + string.Concat(Enumerable.Repeat(" + 1", 10_000)) + ";";

        var diagnostic = Assert.Single(ScriptEngine.Parse(source).Diagnostics);

        Assert.Contains("nested too deeply", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Source_over_the_length_limit_is_rejected_before_parsing() // SEC-25
    {
        var limits = new ScriptLimits { MaxSourceLength = 100 };

        var diagnostic = Assert.Single(ScriptEngine.Parse(new string(' ', 101) + "x = 1;", limits).Diagnostics);

        Assert.StartsWith("script is 107 characters long, over the limit of 100", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doubling_a_text_stops_at_the_text_limit() // SEC-26
    {
        var source = """
            s = "x";
            for each i in {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40} {
              s = s + s;
            }
            """;

        var result = await RunAsync(source, ScriptLimits.Default);

        Assert.StartsWith("text limit exceeded: a text would be 16,777,216 characters long, over the limit of 10,485,760", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Error.Line);
    }

    [Fact]
    public async Task Growing_a_list_stops_at_the_collection_limit() // SEC-26
    {
        var limits = new ScriptLimits { MaxCollectionSize = 1000 };

        var result = await RunAsync(RunawayLoops.Replace("n = n + 1;", "l.add(z);", StringComparison.Ordinal), limits);

        Assert.StartsWith("collection limit exceeded: a list or map would hold 1,001 entries", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Growing_a_map_stops_at_the_collection_limit_without_keeping_the_extra_key() // SEC-26
    {
        var limits = new ScriptLimits { MaxCollectionSize = 1000 };
        var source = RunawayLoops.Replace("n = 0;", "m = Map();", StringComparison.Ordinal).Replace("n = n + 1;", "try { m.put(m.size().toString(), 1); } catch (e) { info e; }", StringComparison.Ordinal);

        var result = await RunAsync(source, limits);

        Assert.StartsWith("collection limit exceeded: a list or map would hold 1,001 entries", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(result.Info);
    }

    [Fact]
    public async Task Splitting_a_text_into_too_many_parts_is_refused_before_allocating_them() // SEC-26
    {
        var limits = new ScriptLimits { MaxCollectionSize = 1000 };
        var arguments = new Dictionary<string, ScriptValue> { ["text"] = ScriptValue.Text(new string(',', 5000)) };

        var result = await ScriptEngine.RunAsync(ScriptEngine.Compile("parts = text.toList(\",\");"), arguments, TestHost.Create(), limits);

        Assert.StartsWith("collection limit exceeded: a list or map would hold 5,001 entries", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logging_too_much_stops_at_the_output_limit() // SEC-26
    {
        var limits = new ScriptLimits { MaxOutputBytes = 1000 };

        var result = await RunAsync(RunawayLoops.Replace("n = n + 1;", "info \"0123456789\";", StringComparison.Ordinal), limits);

        Assert.StartsWith("output limit exceeded: info wrote more than 1,000 bytes", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(90, result.Info.Count);
    }

    [Fact]
    public async Task A_catastrophic_regex_is_stopped_by_its_match_timeout() // SEC-26
    {
        var limits = new ScriptLimits { RegexTimeout = TimeSpan.FromMilliseconds(100) };
        var source = "x = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\".matches(\"(a+)+\");";

        var result = await RunAsync(source, limits);

        Assert.StartsWith("regular expression took longer than 0.1 s", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_cannot_be_caught_by_try_catch() // SEC-26
    {
        var source = "try {\n" + RunawayLoops + "\n} catch (e) {\n  info \"swallowed\";\n}";

        var result = await RunAsync(source, new ScriptLimits { MaxStatements = 10_000 });

        Assert.Empty(result.Info);
        Assert.StartsWith("statement limit exceeded", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_http_calls_stop_the_run() // SEC-26
    {
        var source = "for each i in {1,2,3} {\n  r = invokeUrl [ url: \"http://127.0.0.1:9/\" ];\n}";
        var host = TestHost.Create(new OkInvoker());

        var result = await ScriptEngine.RunAsync(ScriptEngine.Compile(source), null, host, new ScriptLimits { MaxHttpCalls = 2 });

        Assert.StartsWith("invokeUrl limit exceeded: more than 2 calls in one run", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.HttpCalls.Count);
    }

    [Fact]
    public async Task Deeply_nested_json_is_rejected_cleanly() // SEC-25
    {
        var source = "l = text.toJSONList();";
        var arguments = new Dictionary<string, ScriptValue> { ["text"] = ScriptValue.Text(new string('[', 10_000) + new string(']', 10_000)) };

        var result = await ScriptEngine.RunAsync(ScriptEngine.Compile(source), arguments, TestHost.Create());

        Assert.StartsWith("text is not valid JSON", result.Error!.Message, StringComparison.Ordinal);
    }

    private static Task<RunResult> RunAsync(string source, ScriptLimits limits)
    {
        var script = ScriptEngine.Compile(source);
        Assert.Empty(script.Diagnostics);
        return ScriptEngine.RunAsync(script, null, TestHost.Create(), limits);
    }

    private sealed class OkInvoker : IHttpInvoker
    {
        public Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpInvocationResponse { StatusCode = 200, Body = "ok" });
    }
}
