using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Benchmarks.InvokeUrl;

/// <summary>
/// Issue #18 item 3: N concurrent runs (1,000 by default) call invokeUrl with one OAuth connection whose token has expired.
/// Reports how many token calls were made (must be 1) and the latency of each run next to the same N runs on a valid token;
/// "added" is the difference at each percentile. The token endpoint answers after <c>--token-delay-ms</c> (20 ms by default),
/// which is in every expired-token run's latency by necessity, so the figure to judge is added minus that delay.
/// </summary>
internal static class ExpiredTokenStampede
{
    public static async Task<int> RunAsync(string[] args)
    {
        var n = Arg(args, "--callers", 1000);
        var rounds = Arg(args, "--rounds", 5);
        var delay = Arg(args, "--token-delay-ms", 20);
        var resolveOnly = args.Contains("--resolve-only");
        await using var rig = await InvokeUrlRig.StartAsync();
        rig.TokenDelay = TimeSpan.FromMilliseconds(delay);
        var script = rig.Script("oauth");
        ThreadPool.GetMinThreads(out var w, out var io);
        Console.WriteLine(resolveOnly
            ? "mode: --resolve-only (each caller resolves the connection's credential, as the injecting handler does first; no run, no HTTP call)"
            : "mode: runs (each caller runs the one-line invokeUrl script through the portal's invoker)");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[..3].Aggregate((a, b) => a + " " + b)}; thread pool min {w}/{io}");

        // Warm-up: JIT, connection pool, both paths.
        for (var i = 0; i < 3; i++)
        {
            await Burst(rig, script, n, resolveOnly);
            await rig.SeedTokenAsync(DateTimeOffset.UtcNow.AddMinutes(-1));
            await Burst(rig, script, n, resolveOnly);
        }

        for (var round = 1; round <= rounds; round++)
        {
            await rig.SeedTokenAsync(DateTimeOffset.UtcNow.AddHours(1));
            var valid = await Burst(rig, script, n, resolveOnly);
            await rig.SeedTokenAsync(DateTimeOffset.UtcNow.AddMinutes(-1));
            var before = rig.TokenCalls;
            var started = Stopwatch.GetTimestamp();
            var expired = await Burst(rig, script, n, resolveOnly);
            var calls = rig.TokenCalls - before;
            double Since(long t) => Stopwatch.GetElapsedTime(started, t).TotalMilliseconds;
            Console.WriteLine($"round {round}: {n} callers, token calls {calls}; valid token p50 {P(valid, 50):0.0} ms p99 {P(valid, 99):0.0} ms; " +
                $"expired token p50 {P(expired, 50):0.0} ms p99 {P(expired, 99):0.0} ms max {expired[^1]:0.0} ms; " +
                $"added p50 {P(expired, 50) - P(valid, 50):0.0} ms, added p99 {P(expired, 99) - P(valid, 99):0.0} ms (token endpoint {delay} ms, " +
                $"asked at +{Since(rig.LastTokenRequestAt):0.0} ms, answered at +{Since(rig.LastTokenAnswerAt):0.0} ms after the burst started)");
            if (calls != 1)
            {
                Console.WriteLine($"FAIL: {calls} token calls");
                return 1;
            }
        }

        return 0;
    }

    private static async Task<double[]> Burst(InvokeUrlRig rig, Portal.Scripting.CompiledScript script, int n, bool resolveOnly)
    {
        var resolver = rig.Services.GetRequiredService<Portal.Connections.Credentials.CredentialResolver>();
        var url = new Uri(rig.EchoUrl);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, n).Select(async _ =>
        {
            await gate.Task;
            var started = Stopwatch.GetTimestamp();
            var answer = resolveOnly
                ? (await resolver.ResolveAsync("oauth", InvokeUrlRig.User, url)).AccessToken is not null ? "true" : "no token"
                : await InvokeUrlRig.RunAsync(script, rig.NewRunInvoker());
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return answer == "true" ? ms : throw new InvalidOperationException("run failed: " + answer);
        }).ToArray();
        gate.SetResult();
        var times = await Task.WhenAll(tasks);
        Array.Sort(times);
        return times;
    }

    private static double P(double[] sorted, int percentile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
