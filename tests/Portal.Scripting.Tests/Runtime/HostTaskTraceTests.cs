using Portal.Scripting.Http;
using Portal.Scripting.Values;

namespace Portal.Scripting.Tests.Runtime;

public sealed class HostTaskTraceTests
{
    [Fact]
    public async Task Trace_entries_returned_by_a_task_appear_in_the_run_trace_with_their_identity()
    {
        var script = ScriptEngine.Compile("r = zoho.crm.getRecords(\"Leads\");\nreturn r.size();");

        var result = await ScriptEngine.RunAsync(script, null, Host(new TracingTasks()));

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("1", result.ReturnValue!.ToDisplayString());
        var call = Assert.Single(result.HttpCalls);
        Assert.Equal("https://crm.example.test/crm/v8/Leads", call.Url);
        Assert.Equal("admin (admin@example.com) via integration zoho.crm", call.RanAs);
    }

    [Fact]
    public async Task A_failing_task_still_reports_its_calls_and_the_script_can_catch_the_error()
    {
        var script = ScriptEngine.Compile("try { r = zoho.crm.fail(); } catch (e) { info e; }\nreturn \"done\";");

        var result = await ScriptEngine.RunAsync(script, null, Host(new TracingTasks()));

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(["integration zoho.crm failed: CRM unreachable"], result.Info);
        Assert.Single(result.HttpCalls);
    }

    [Fact]
    public async Task Task_calls_count_against_the_http_call_limit_together_with_invokeUrl() // SEC-26
    {
        var source = "r = invokeUrl [ url: \"http://127.0.0.1:9/\" ];\nfor each i in {1,2,3} {\n  x = zoho.crm.getRecords(\"Leads\");\n}";

        var result = await ScriptEngine.RunAsync(ScriptEngine.Compile(source), null, Host(new TracingTasks()), new ScriptLimits { MaxHttpCalls = 2 });

        Assert.StartsWith("HTTP call limit exceeded: more than 2 calls (invokeUrl and integration tasks)", result.Error!.Message, StringComparison.Ordinal);
        // The second task is refused before it can send anything: only the invokeUrl and the first task's call happened.
        Assert.Equal(2, result.HttpCalls.Count);
    }

    [Fact]
    public async Task A_task_without_http_calls_leaves_the_trace_empty()
    {
        var script = ScriptEngine.Compile("return zoho.crm.quiet();");

        var result = await ScriptEngine.RunAsync(script, null, Host(new TracingTasks()));

        Assert.Equal("quiet", result.ReturnValue!.ToDisplayString());
        Assert.Empty(result.HttpCalls);
    }

    [Fact]
    public async Task A_task_still_waiting_when_the_time_limit_hits_ends_the_run_with_the_time_limit_error()
    {
        var script = ScriptEngine.Compile("return zoho.crm.slow();");

        var result = await ScriptEngine.RunAsync(script, null, Host(new TracingTasks()), new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(200) });

        Assert.StartsWith("time limit exceeded", result.Error!.Message, StringComparison.Ordinal);
    }

    private static ScriptHost Host(IHostTaskInvoker tasks) => new() { Http = new OkInvoker(), Tasks = tasks };

    private sealed class TracingTasks : IHostTaskInvoker
    {
        private static readonly HttpTraceEntry Entry = new()
        {
            Method = "GET",
            Url = "https://crm.example.test/crm/v8/Leads",
            StatusCode = 200,
            RanAs = "admin (admin@example.com) via integration zoho.crm",
        };

        public ValueTask<HostTaskResult> InvokeAsync(string qualifiedName, IReadOnlyList<ScriptValue> arguments, CancellationToken cancellationToken) =>
            qualifiedName switch
            {
                "zoho.crm.getRecords" => ValueTask.FromResult(HostTaskResult.Of(ScriptValue.ParseJson("""[{"id":"1"}]"""), [Entry])),
                "zoho.crm.slow" => SlowAsync(cancellationToken),
                "zoho.crm.quiet" => ValueTask.FromResult(HostTaskResult.Of(ScriptValue.Text("quiet"))),
                "zoho.crm.fail" => throw new ScriptHostException("integration zoho.crm failed: CRM unreachable", [Entry with { StatusCode = 0, Error = "unreachable" }]),
                _ => ValueTask.FromResult(HostTaskResult.Unknown),
            };
    }

    private static async ValueTask<HostTaskResult> SlowAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        return HostTaskResult.Unknown;
    }

    private sealed class OkInvoker : IHttpInvoker
    {
        public Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpInvocationResponse { StatusCode = 200, Body = "ok" });
    }
}
