namespace Portal.Connections.Tests.Egress;

/// <summary>The canary every payload aims at, plus a redirector and a second listener that tests allow by exact origin.</summary>
public sealed class SsrfCanaries : IDisposable
{
    public CanaryListener Target { get; } = new();

    public CanaryListener Redirector { get; } = new();

    public CanaryListener Allowed { get; } = new();

    public void Dispose()
    {
        Target.Dispose();
        Redirector.Dispose();
        Allowed.Dispose();
    }
}
