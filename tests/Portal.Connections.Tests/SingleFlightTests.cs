using Portal.Connections.Tokens;

namespace Portal.Connections.Tests;

/// <summary>One piece of work per key at a time (SEC-15), with each caller's cancellation its own.</summary>
public sealed class SingleFlightTests
{
    private readonly SingleFlight<int, string> _flights = new();

    [Fact]
    public async Task Callers_arriving_while_the_work_runs_share_it()
    {
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        Task<string> Work(int key)
        {
            Interlocked.Increment(ref runs);
            return gate.Task;
        }

        var callers = Enumerable.Range(0, 50).Select(_ => _flights.RunAsync(1, Work, CancellationToken.None)).ToList();
        var other = _flights.RunAsync(2, _ => Task.FromResult("two"), CancellationToken.None);
        gate.SetResult("token");

        Assert.All(await Task.WhenAll(callers), r => Assert.Equal("token", r));
        Assert.Equal("two", await other);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task A_cancelled_caller_stops_waiting_and_the_others_still_get_the_result()
    {
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var impatient = _flights.RunAsync(1, _ => gate.Task, cancel.Token);
        var patient = _flights.RunAsync(1, _ => throw new InvalidOperationException("a second run"), CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        gate.SetResult("token");

        Assert.Equal("token", await patient);
    }

    [Fact]
    public async Task Work_that_finished_runs_again_for_the_next_caller()
    {
        var runs = 0;
        Task<string> Work(int key) => Task.FromResult($"run {Interlocked.Increment(ref runs)}");

        Assert.Equal("run 1", await _flights.RunAsync(1, Work, CancellationToken.None));
        Assert.Equal("run 2", await _flights.RunAsync(1, Work, CancellationToken.None));
    }

    [Fact]
    public async Task A_failure_reaches_every_waiter_and_is_not_kept()
    {
        var gate = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _flights.RunAsync(1, _ => gate.Task, CancellationToken.None);
        var second = _flights.RunAsync(1, _ => gate.Task, CancellationToken.None);
        gate.SetException(new InvalidOperationException("provider down"));

        Assert.Equal("provider down", (await Assert.ThrowsAsync<InvalidOperationException>(() => first)).Message);
        Assert.Equal("provider down", (await Assert.ThrowsAsync<InvalidOperationException>(() => second)).Message);
        Assert.Equal("fine", await _flights.RunAsync(1, _ => Task.FromResult("fine"), CancellationToken.None));
    }
}
