using Microsoft.Extensions.Time.Testing;
using Portal.Web.Functions;

namespace Portal.Web.Tests.Functions;

public sealed class FunctionRunGateTests
{
    // SEC-28
    [Fact]
    public void A_user_over_the_per_minute_limit_is_refused_until_the_window_passes()
    {
        var time = new FakeTimeProvider();
        var gate = new FunctionRunGate(time);
        for (var i = 0; i < FunctionRunGate.MaxRunsPerMinutePerUser; i++)
        {
            gate.TryEnter("alice")!.Dispose();
        }

        var refused = gate.TryEnter("alice", out var refusal);
        var otherUser = gate.TryEnter("bob");
        time.Advance(TimeSpan.FromMinutes(1));
        var afterWindow = gate.TryEnter("alice");

        Assert.Null(refused);
        Assert.Contains("Wait a minute", refusal, StringComparison.Ordinal);
        Assert.NotNull(otherUser);
        Assert.NotNull(afterWindow);
    }

    // SEC-28
    [Fact]
    public void Concurrent_runs_are_capped_per_user_and_a_finished_run_frees_a_slot()
    {
        var gate = new FunctionRunGate(new FakeTimeProvider());
        var leases = Enumerable.Range(0, FunctionRunGate.MaxConcurrentRunsPerUser).Select(_ => gate.TryEnter("alice")).ToList();

        var fourth = gate.TryEnter("alice", out var refusal);
        leases[0]!.Dispose();
        var afterOneEnds = gate.TryEnter("alice");

        Assert.All(leases, Assert.NotNull);
        Assert.Null(fourth);
        Assert.Contains("runs in progress", refusal, StringComparison.Ordinal);
        Assert.NotNull(afterOneEnds);
    }
}
