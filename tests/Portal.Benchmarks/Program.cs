using BenchmarkDotNet.Running;
using Portal.Benchmarks;

if (args.Length > 0 && args[0] == "--connections-page")
{
    return await Portal.Benchmarks.ConnectionsPage.ConnectionsPageTiming.RunAsync(args);
}

if (args.Length > 0 && args[0] == "--invoke-expired")
{
    return await Portal.Benchmarks.InvokeUrl.ExpiredTokenStampede.RunAsync(args);
}

if (args.Length > 0 && args[0] == "--quick")
{
    QuickRun.Run();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Portal.Benchmarks.Workloads.WorkloadBase).Assembly).Run(args);
return 0;
