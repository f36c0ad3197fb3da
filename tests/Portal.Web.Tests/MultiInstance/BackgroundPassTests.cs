using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;

namespace Portal.Web.Tests.MultiInstance;

/// <summary>Background passes (proactive token refresh, run-history clean-up) run on one of three PostgreSQL instances.</summary>
public sealed class BackgroundPassTests
{
    [Fact]
    public async Task Of_three_instances_whose_timers_fire_together_one_does_the_pass()
    {
        using var instances = new SharedInstances(new Dictionary<string, string>());
        var working = 0;
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        async Task Pass(CancellationToken ct)
        {
            Interlocked.Increment(ref working);
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
        }

        var first = instances.All[0].Services.GetRequiredService<BackgroundPassGuard>().TryRunAsync("token-refresh", Pass, CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var others = await Task.WhenAll(instances.All.Skip(1).Select(i => i.Services.GetRequiredService<BackgroundPassGuard>().TryRunAsync("token-refresh", Pass, CancellationToken.None)));
        var otherPass = await instances.All[1].Services.GetRequiredService<BackgroundPassGuard>().TryRunAsync("run-history-cleanup", _ => Task.CompletedTask, CancellationToken.None);
        release.SetResult();
        var ran = await first;
        var next = await instances.All[2].Services.GetRequiredService<BackgroundPassGuard>().TryRunAsync("token-refresh", _ => Task.CompletedTask, CancellationToken.None);

        Assert.True(ran);
        Assert.Equal([false, false], others);
        Assert.Equal(1, working);
        Assert.True(otherPass, "A different pass is not held up by the token refresh.");
        Assert.True(next, "Once the pass ends, the next tick on any instance may do it.");
    }
}
