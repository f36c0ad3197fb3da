using System.Runtime.CompilerServices;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>
/// Test classes run in parallel, and bUnit renders, WebApplicationFactory hosts and SQLite all want thread-pool threads.
/// On a two-core runner the pool starts with two workers and grows slowly, so a render could wait a full second for a
/// thread (CI once failed that way). Start with enough workers that no test waits on the pool's growth.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
    }
}
