namespace Portal.Sandbox.Hosting;

/// <summary>
/// Replaces the console lifetime: the sandbox runs inside another process (the portal, a test), which stops it by
/// disposing <see cref="SandboxInstance"/>; it must neither grab Ctrl+C/SIGTERM nor print "Press Ctrl+C".
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
