using System.Diagnostics;
using Portal.Benchmarks.Workloads;

namespace Portal.Benchmarks;

/// <summary>A fast sanity pass (best of a few runs) used while optimising; BenchmarkDotNet gives the real numbers.</summary>
internal static class QuickRun
{
    public static void Run()
    {
        WorkloadBase[] workloads = [new ArithmeticLoop(), new MapBuilding(), new TextBuilding(), new JsonWalk(), new LargeMapToString()];
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

    private static double Best(Func<object> action)
    {
        action();
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
