using System.Diagnostics;
using Portal.Benchmarks.Workloads;

namespace Portal.Benchmarks;

/// <summary>A fast sanity pass (best of a few runs) used while optimising; BenchmarkDotNet gives the real numbers.</summary>
internal static class QuickRun
{
    public static void Run()
    {
        if (Environment.GetEnvironmentVariable("QUICK_SCALING") is not null)
        {
            foreach (var lines in new[] { 500, 1000, 2000, 4000, 8000 })
            {
                var text = ParseLargeScript.Build(lines);
                var before = GC.GetTotalAllocatedBytes(true);
                var g2 = GC.CollectionCount(2);
                var g0 = GC.CollectionCount(0);
                var ms = Best(() => Portal.Scripting.ScriptEngine.Parse(text));
                Console.WriteLine($"{lines} lines: {ms:0.000} ms, allocated/run {(GC.GetTotalAllocatedBytes(true) - before) / 8 / 1024} KB, gen0 {GC.CollectionCount(0) - g0} gen2 {GC.CollectionCount(2) - g2}");
            }

            return;
        }

        WorkloadBase[] workloads = [new ArithmeticLoop(), new MapBuilding(), new TextBuilding(), new JsonWalk(), new LargeMapToString()];
        if (Environment.GetEnvironmentVariable("QUICK_ONLY") is { } only)
        {
            workloads = workloads.Where(w => w.GetType().Name == only).ToArray();
        }
        foreach (var workload in workloads)
        {
            workload.Setup();
            var ours = Best(() => workload.Ours());
            var jint = Best(() => workload.JintRun());
            var csharp = Best(() => workload.CSharp());
            Console.WriteLine($"{workload.GetType().Name,-18} ours {ours,8:0.000} ms  jint {jint,8:0.000} ms  c# {csharp,8:0.000} ms  ours/jint {ours / jint:0.00}");
        }

        var parse = new ParseLargeScript();
        parse.Setup();
        Console.WriteLine($"parse 5,000 lines  {Best(() => parse.Parse()):0.000} ms");
    }

    // Warm up for at least a second (and 10 runs): the JIT's tiering needs that to settle, more so on a loaded machine,
    // where the first runs are otherwise still tier-0 code.
    private static double Best(Func<object> action)
    {
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 10 || warmup.ElapsedMilliseconds < 1000; i++)
        {
            action();
        }

        var best = double.MaxValue;
        for (var i = 0; i < 7; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
