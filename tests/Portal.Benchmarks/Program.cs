using BenchmarkDotNet.Running;
using Portal.Benchmarks;

if (args.Length > 0 && args[0] == "--quick")
{
    QuickRun.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Portal.Benchmarks.Workloads.WorkloadBase).Assembly).Run(args);
