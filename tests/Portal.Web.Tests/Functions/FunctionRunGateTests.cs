using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Tests.Functions;

public sealed class FunctionRunGateTests
{
    // SEC-28
    [Fact]
    public void A_user_over_the_per_minute_limit_is_refused_until_the_window_passes()
    {
        var time = new FakeTimeProvider();
        var gate = new FunctionRunGate(time);
        for (var i = 0; i < gate.Limits.MaxStartsPerMinutePerUser; i++)
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
        var leases = Enumerable.Range(0, gate.Limits.MaxConcurrentPerUser).Select(_ => gate.TryEnter("alice")).ToList();

        var fourth = gate.TryEnter("alice", out var refusal);
        leases[0]!.Dispose();
        var afterOneEnds = gate.TryEnter("alice");

        Assert.All(leases, Assert.NotNull);
        Assert.Null(fourth);
        Assert.Contains("runs in progress", refusal, StringComparison.Ordinal);
        Assert.NotNull(afterOneEnds);
    }

    [Fact]
    public void The_defaults_are_three_at_once_and_sixty_a_minute()
    {
        var limits = new FunctionRunGate().Limits;

        Assert.Equal(3, limits.MaxConcurrentPerUser);
        Assert.Equal(60, limits.MaxStartsPerMinutePerUser);
    }

    // SEC-28: a webhook retrying while the user is at the concurrency limit must not use up the minute.
    [Fact]
    public void Starts_refused_because_runs_are_in_progress_do_not_count_against_the_minute()
    {
        var gate = Gate(new FakeTimeProvider(), concurrent: 1, perMinute: 2);
        var first = gate.TryEnter("alice")!;
        for (var i = 0; i < 50; i++)
        {
            Assert.Null(gate.TryEnter("alice", out var refusal));
            Assert.Equal("You already have a run in progress. Wait for it to finish or cancel it, then run again.", refusal);
        }

        first.Dispose();
        var second = gate.TryEnter("alice");
        second?.Dispose();
        var third = gate.TryEnter("alice", out var minuteRefusal);

        Assert.NotNull(second);
        Assert.Null(third);
        Assert.Equal("You started 2 runs in the last minute, the most allowed per user. Wait a minute, then run again.", minuteRefusal);
    }

    // SEC-28
    [Fact]
    public void Starts_refused_by_the_minute_limit_do_not_extend_it_nor_hold_a_slot()
    {
        var time = new FakeTimeProvider();
        var gate = Gate(time, concurrent: 1, perMinute: 1);
        gate.TryEnter("alice")!.Dispose();
        time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(gate.TryEnter("alice"));
        }

        time.Advance(TimeSpan.FromSeconds(30));
        var afterTheFirstStartLeavesTheWindow = gate.TryEnter("alice", out var refusal);

        Assert.NotNull(afterTheFirstStartLeavesTheWindow);
        Assert.Null(refusal);
    }

    [Fact]
    public void Configured_limits_apply_to_the_next_start_without_a_restart()
    {
        var monitor = new MutableMonitor(new FunctionRunGateOptions { MaxConcurrentPerUser = 1, MaxStartsPerMinutePerUser = 100 });
        var gate = new FunctionRunGate(new FakeTimeProvider(), monitor);
        var held = gate.TryEnter("alice")!;
        Assert.Null(gate.TryEnter("alice"));

        monitor.CurrentValue = new FunctionRunGateOptions { MaxConcurrentPerUser = 2, MaxStartsPerMinutePerUser = 100 };
        var raised = gate.TryEnter("alice");

        Assert.NotNull(raised);
        held.Dispose();
    }

    private static FunctionRunGate Gate(TimeProvider time, int concurrent, int perMinute) =>
        new(time, new MutableMonitor(new FunctionRunGateOptions { MaxConcurrentPerUser = concurrent, MaxStartsPerMinutePerUser = perMinute }));

    private sealed class MutableMonitor(FunctionRunGateOptions value) : IOptionsMonitor<FunctionRunGateOptions>
    {
        public FunctionRunGateOptions CurrentValue { get; set; } = value;

        public FunctionRunGateOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<FunctionRunGateOptions, string?> listener) => null;
    }
}
