using Microsoft.EntityFrameworkCore;
using Portal.Scripting.Http;
using Portal.Scripting.Values;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Tests.Functions;

public sealed class FunctionRunnerTests : IDisposable
{
    private readonly FunctionTestDatabase database = new();
    private readonly FakeHttpInvokerFactory http = new();
    private readonly FunctionRunGate gate = new();
    private readonly FunctionService service;
    private readonly FunctionRunner runner;

    public FunctionRunnerTests()
    {
        service = new FunctionService(database.Factory, database.Audit, database.Time);
        runner = new FunctionRunner(database.Factory, http, new NoIntegrations(), new SavedFunctionResolver(database.Factory), new FunctionRunPruner(database.Factory, database.Time), gate, database.Audit, database.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<FunctionRunner>.Instance);
    }

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_run_stores_info_lines_the_return_value_and_who_ran_it()
    {
        var function = await CreateAsync("greet", "info \"Hello \" + name;\nm = map();\nm.put(\"who\", zoho.loginuser);\nreturn m;", new FunctionArgument("name", "text"));

        var run = await runner.RunAsync(
            new FunctionRunRequest { FunctionId = function.Id, Values = new Dictionary<string, ScriptValue> { ["name"] = ScriptValue.Text("Ada") } },
            FunctionTestDatabase.Bob,
            FunctionRunOrigin.Editor);

        Assert.Equal(FunctionRunStatus.Succeeded, run.Status);
        Assert.Equal(["Hello Ada"], run.Info);
        Assert.Equal("{\"who\":\"bob@test.local\"}", run.ReturnValueJson);
        var stored = Assert.Single(await service.ListRunsAsync(FunctionTestDatabase.Bob, function.Id));
        Assert.Equal("bob", stored.UserId);
        Assert.Equal(["Hello Ada"], stored.Info);
    }

    [Fact]
    public async Task A_runtime_error_is_stored_with_its_line_and_column()
    {
        var function = await CreateAsync("broken", "info \"start\";\nx = 1 / 0;\nreturn x;");

        var run = await runner.RunAsync(new FunctionRunRequest { FunctionId = function.Id }, FunctionTestDatabase.Alice, FunctionRunOrigin.Editor);

        Assert.Equal(FunctionRunStatus.Failed, run.Status);
        Assert.Equal(2, run.ErrorLine);
        Assert.True(run.ErrorColumn > 0);
        Assert.Contains("zero", run.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["start"], run.Info);
    }

    [Fact]
    public async Task Standalone_calls_resolve_to_saved_functions()
    {
        await CreateAsync("double_it", "return n * 2;", new FunctionArgument("n", "number"));
        var caller = await CreateAsync("caller", "return standalone.double_it(21);");

        var run = await runner.RunAsync(new FunctionRunRequest { FunctionId = caller.Id }, FunctionTestDatabase.Alice, FunctionRunOrigin.Editor);

        Assert.Equal(FunctionRunStatus.Succeeded, run.Status);
        Assert.Equal("42", run.ReturnValueJson);
    }

    [Fact]
    public async Task The_http_trace_is_stored_with_credentials_masked() // SEC-20
    {
        var function = await CreateAsync("call_api", "h = map();\nh.put(\"Authorization\", \"Bearer canary-secret-123\");\nr = invokeUrl [ url: \"https://api.example.com/items?api_key=canary-secret-123&page=2\" type: GET headers: h ];\nreturn r;");

        var run = await runner.RunAsync(new FunctionRunRequest { FunctionId = function.Id }, FunctionTestDatabase.Alice, FunctionRunOrigin.Editor);

        var call = Assert.Single(run.HttpTrace);
        Assert.Equal(200, call.StatusCode);
        Assert.Contains(call.RequestHeaders, h => h.Key == "Authorization" && h.Value == "Bearer ••••");
        Assert.Contains(call.ResponseHeaders, h => h.Key == "Set-Cookie" && h.Value == "••••");
        Assert.Equal("https://api.example.com/items?api_key=••••&page=2", call.Url);
        await using var db = await database.Factory.CreateDbContextAsync();
        var stored = await db.FunctionRuns.SingleAsync();
        Assert.DoesNotContain("canary-secret-123", stored.HttpTraceJson, StringComparison.Ordinal);
        Assert.Equal("alice@test.local", http.Calls.Single().User);
    }

    [Fact]
    public async Task Unsaved_editor_code_runs_for_developers_but_users_always_run_the_saved_code()
    {
        var function = await CreateAsync("saved", "return \"saved\";");
        var request = new FunctionRunRequest { FunctionId = function.Id, Code = "return \"draft\";" };

        var developer = await runner.RunAsync(request, FunctionTestDatabase.Alice, FunctionRunOrigin.Editor);
        var user = await runner.RunAsync(request, FunctionTestDatabase.Bob, FunctionRunOrigin.Editor);

        Assert.Equal("\"draft\"", developer.ReturnValueJson);
        Assert.Equal("\"saved\"", user.ReturnValueJson);
    }

    [Fact]
    public async Task A_cancelled_run_is_recorded_as_cancelled()
    {
        var function = await CreateAsync("loop", "l = list();\nfor each i in {1,2,3,4,5,6,7,8,9,10} { l.add(i); }\nreturn l;");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await runner.RunAsync(new FunctionRunRequest { FunctionId = function.Id }, FunctionTestDatabase.Alice, FunctionRunOrigin.Editor, cancelled.Token);

        Assert.Equal(FunctionRunStatus.Cancelled, run.Status);
        Assert.Contains("cancelled", run.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_older_than_thirty_days_are_pruned()
    {
        var function = await CreateAsync("old", "return 1;");
        await runner.RunAsync(new FunctionRunRequest { FunctionId = function.Id }, FunctionTestDatabase.Alice, FunctionRunOrigin.Editor);
        database.Time.Advance(TimeSpan.FromDays(20));
        await runner.RunAsync(new FunctionRunRequest { FunctionId = function.Id }, FunctionTestDatabase.Alice, FunctionRunOrigin.Editor);
        database.Time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));

        var removed = await new FunctionRunPruner(database.Factory, database.Time).PruneAsync();

        Assert.Equal(1, removed);
        var remaining = Assert.Single(await service.ListRunsAsync(FunctionTestDatabase.Alice, function.Id));
        Assert.Equal(new DateTimeOffset(2026, 3, 21, 9, 0, 0, TimeSpan.Zero), remaining.StartedAt);
    }

    [Fact]
    public async Task A_user_at_the_concurrent_run_limit_is_refused_until_a_run_ends() // SEC-28
    {
        var function = await CreateAsync("quick", "return 1;");
        var leases = Enumerable.Range(0, gate.Limits.MaxConcurrentPerUser).Select(_ => gate.TryEnter("alice")!).ToList();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            runner.RunAsync(new FunctionRunRequest { FunctionId = function.Id }, FunctionTestDatabase.Alice, FunctionRunOrigin.Editor));
        leases[0].Dispose();
        var allowed = await runner.RunAsync(new FunctionRunRequest { FunctionId = function.Id }, FunctionTestDatabase.Alice, FunctionRunOrigin.Editor);

        Assert.Contains("runs in progress", refused.Message, StringComparison.Ordinal);
        Assert.Equal(FunctionRunStatus.Succeeded, allowed.Status);
    }

    private async Task<FunctionDetails> CreateAsync(string apiName, string code, params FunctionArgument[] arguments)
    {
        var result = await service.CreateAsync(FunctionTestDatabase.Alice, new FunctionDraft(apiName, apiName, null, arguments, code));
        Assert.True(result.Succeeded, result.Error);
        return result.Function!;
    }
}
