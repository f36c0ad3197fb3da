using BenchmarkDotNet.Attributes;

using Jint;
using Portal.Scripting;
using Portal.Scripting.Http;
using Portal.Scripting.Values;

namespace Portal.Benchmarks.Workloads;

/// <summary>
/// One workload in three implementations: our language, the same program in JavaScript on Jint 4.18
/// (both sandboxed with statement and time limits), and hand-written C#.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public abstract class WorkloadBase
{
    private static readonly ScriptLimits Limits = new() { MaxStatements = 50_000_000, Timeout = TimeSpan.FromMinutes(5) };
    private static readonly ScriptHost Host = new() { Http = new NoHttp() };
    private CompiledScript _script = null!;
    private Prepared<Acornima.Ast.Script> _javaScript;
    private Engine _engine = null!;

    protected abstract string Deluge { get; }

    protected abstract string JavaScript { get; }

    protected abstract Dictionary<string, ScriptValue> DelugeArguments();

    protected abstract void SetJavaScriptArguments(Engine engine);

    protected abstract string RunCSharp();

    [GlobalSetup]
    public void Setup()
    {
        Prepare();
        _script = ScriptEngine.Compile(Deluge);
        if (!_script.Success)
        {
            throw new InvalidOperationException("workload does not compile: " + _script.Diagnostics[0]);
        }

        // One engine with its inputs already converted, so Jint pays no per-run interop cost; the script is an IIFE so it can re-run.
        _javaScript = Engine.PrepareScript("(() => {\n" + JavaScript + "\n})()");
        _engine = new Engine(options => options.MaxStatements(50_000_000).TimeoutInterval(TimeSpan.FromMinutes(5)).LimitRecursion(75));
        SetJavaScriptArguments(_engine);
        var ours = Ours();
        var jint = JintRun();
        var csharp = CSharp();
        if (ours != jint || ours != csharp)
        {
            throw new InvalidOperationException($"implementations disagree: ours={ours} jint={jint} c#={csharp}");
        }
    }

    [Benchmark(Description = "ours")]
    public string Ours()
    {
        var result = ScriptEngine.RunAsync(_script, _arguments ??= DelugeArguments(), Host, Limits).GetAwaiter().GetResult();
        return result.Error is null ? result.ReturnValue!.ToResultString() : throw new InvalidOperationException(result.Error.ToString());
    }

    [Benchmark(Description = "jint")]
    public string JintRun()
    {
        return _engine.Evaluate(_javaScript).ToString();
    }

    [Benchmark(Description = "c#", Baseline = true)]
    public string CSharp() => RunCSharp();

    protected virtual void Prepare()
    {
    }

    private Dictionary<string, ScriptValue>? _arguments;

    private sealed class NoHttp : IHttpInvoker
    {
        public Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(HttpInvocationResponse.Failed("benchmarks make no HTTP calls", notSent: true));
    }
}
