using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.Web.Tests.Runs;

/// <summary>
/// Runs and their audit entries are group-committed by one background writer, and the execute API answers only once its
/// run's batch is committed (issue #18). Against the real portal process with runs in flight: after a kill -9 and after
/// a graceful stop, every answered run is in the run history, and history and audit hold the same runs.
/// </summary>
public sealed class RunRecordingCrashTests : IDisposable
{
    private const int Callers = 8;

    private readonly string data = Path.Combine(Path.GetTempPath(), "portal-crash-tests", Guid.NewGuid().ToString("N"));

    public RunRecordingCrashTests() => Directory.CreateDirectory(data);

    [Fact]
    public async Task Every_answered_run_is_stored_with_its_audit_entry_after_kill_9()
    {
        var answered = await RunThenStopAsync(portal => portal.KillAsync());

        await AssertStoredAfterRestartAsync(answered);
    }

    [Fact]
    public async Task A_graceful_stop_answers_and_stores_the_runs_in_flight()
    {
        int exitCode = -1;
        var answered = await RunThenStopAsync(async portal => exitCode = await portal.TerminateAsync());

        Assert.Equal(0, exitCode);
        await AssertStoredAfterRestartAsync(answered);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }

    /// <summary>Starts the portal, deploys hello, keeps <see cref="Callers"/> callers running it, and stops the portal mid-stream.</summary>
    private async Task<HashSet<long>> RunThenStopAsync(Func<PortalProcess, Task> stop)
    {
        await using var portal = await PortalProcess.StartAsync(data);
        var token = await PortalProcess.CreateAdminTokenAsync(data);
        using var client = new HttpClient { BaseAddress = new Uri(portal.Url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var deployed = await client.PostAsJsonAsync("/api/v1/functions", new { name = "Hello", api_name = "hello", code = "return \"ok\";" });
        Assert.True(deployed.IsSuccessStatusCode, $"{deployed.StatusCode}: {await deployed.Content.ReadAsStringAsync()}");

        var answered = new ConcurrentDictionary<long, bool>();
        var failed = 0;
        using var stopped = new CancellationTokenSource();
        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    using var response = await client.PostAsync("/api/v1/functions/hello/actions/execute", null);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
                        answered[long.Parse(json.GetProperty("details").GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture)] = true;
                    }
                    else if (!stopped.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (stopped.IsCancellationRequested)
                    {
                        return;
                    }

                    Interlocked.Increment(ref failed);
                    await Task.Delay(50);
                }
            }
        })).ToArray();

        var waited = Stopwatch.StartNew();
        while (answered.Count < 300 && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }

        // The callers keep firing while the portal goes down, so runs are in flight at that moment.
        stopped.Cancel();
        await stop(portal);
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(answered.Count >= 300, $"only {answered.Count} runs were answered in 60 s ({failed} failed):\n{portal.Output}");
        Assert.Equal(0, failed);
        return [.. answered.Keys];
    }

    /// <summary>Starts the portal again on the same database (it recovers the WAL) and checks what was stored.</summary>
    private async Task AssertStoredAfterRestartAsync(HashSet<long> answered)
    {
        await using (var restarted = await PortalProcess.StartAsync(data))
        {
            Assert.Equal(0, await restarted.TerminateAsync());
        }

        var stored = await PortalProcess.RunIdsAsync(data);
        var audited = await PortalProcess.CountAsync(data, "SELECT COUNT(*) FROM AuditEvents WHERE Action = 'function.run'");
        var missing = answered.Where(id => !stored.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {answered.Count} answered runs are missing from the history, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.Equal(stored.Count, audited);
    }
}
