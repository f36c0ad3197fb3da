namespace Portal.Connections;

/// <summary>
/// Lets one instance among several on a shared database do a background pass (proactive refresh, history clean-up)
/// while the others skip it. The default, for one instance, always lets the pass run.
/// </summary>
public class BackgroundPassGuard
{
    /// <summary>Runs <paramref name="pass"/> unless another instance is doing the pass named <paramref name="name"/>; false when skipped.</summary>
    public virtual async Task<bool> TryRunAsync(string name, Func<CancellationToken, Task> pass, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pass);
        await pass(ct);
        return true;
    }
}
