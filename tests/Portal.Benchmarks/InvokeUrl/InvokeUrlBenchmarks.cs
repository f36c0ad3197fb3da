using BenchmarkDotNet.Attributes;
using Portal.Scripting;

namespace Portal.Benchmarks.InvokeUrl;

/// <summary>
/// Issue #18 item 2: what one invokeUrl costs over a raw HttpClient GET to the same loopback endpoint. Each row is one call
/// (a run of a one-line script for the invokeUrl rows, with a fresh invoker per run as the portal builds one per run).
/// </summary>
[MemoryDiagnoser]
// Run in process (a separate build of the portal per job costs minutes): --inProcess --launchCount 1 --warmupCount 3 --iterationCount 10
public class InvokeUrlBenchmarks
{
    private InvokeUrlRig _rig = null!;
    private HttpClient _raw = null!;
    private CompiledScript _none = null!;
    private CompiledScript _key = null!;
    private CompiledScript _oauth = null!;
    private Portal.Scripting.Http.HttpClientInvoker _cli = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rig = InvokeUrlRig.StartAsync().GetAwaiter().GetResult();
        _raw = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
        _none = _rig.Script(null);
        _key = _rig.Script("key");
        _oauth = _rig.Script("oauth");
        _cli = new Portal.Scripting.Http.HttpClientInvoker();
        foreach (var s in new[] { _none, _key, _oauth })
        {
            if (InvokeUrlRig.RunAsync(s, _rig.NewRunInvoker()).GetAwaiter().GetResult() != "true")
            {
                throw new InvalidOperationException("the echo call did not answer ok");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _cli.Dispose();
        _rig.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient GET")]
    public async Task<string> Raw()
    {
        using var response = await _raw.GetAsync(_rig.EchoUrl, HttpCompletionOption.ResponseHeadersRead);
        return await response.Content.ReadAsStringAsync();
    }

    [Benchmark(Description = "script, CLI invoker (no egress, no connection)")]
    public Task<string> ScriptCli() => InvokeUrlRig.RunAsync(_none, _cli);

    [Benchmark(Description = "invokeUrl, no connection")]
    public Task<string> NoConnection() => InvokeUrlRig.RunAsync(_none, _rig.NewRunInvoker());

    [Benchmark(Description = "invokeUrl, API-key connection")]
    public Task<string> ApiKey() => InvokeUrlRig.RunAsync(_key, _rig.NewRunInvoker());

    [Benchmark(Description = "invokeUrl, OAuth connection (valid token)")]
    public Task<string> OAuth() => InvokeUrlRig.RunAsync(_oauth, _rig.NewRunInvoker());
}
