using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Portal.TestSupport;

/// <summary>
/// The PostgreSQL server the tests create their databases on: <c>PORTAL_TEST_POSTGRES</c> (a connection string whose
/// user may CREATE DATABASE) when set, otherwise a throw-away cluster this process starts from Debian's
/// <c>/usr/lib/postgresql/*/bin</c> (its own data directory under /tmp, a free loopback port, run as the
/// <c>postgres</c> user when the tests run as root) that a watchdog stops once the process has ended.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "PORTAL_TEST_POSTGRES";

    private static readonly Lazy<string> Admin = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to the server's <c>postgres</c> database, for creating and dropping test databases.</summary>
    public static string AdminConnectionString => Admin.Value;

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ConnectionString;
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: set {EnvironmentVariable} to a server's connection string, or install Debian's postgresql package (tests/run.sh does both).");
        }

        return StartCluster(bin);
    }

    private static string StartCluster(string bin)
    {
        var root = Path.Combine(Path.GetTempPath(), $"portal-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["postgres", root]);
        }

        var data = Path.Combine(root, "data");
        var port = FreePort();
        RunAsOwner(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        RunAsOwner(asRoot, Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-w", "-l", Path.Combine(root, "server.log"), "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start"]);
        StopWhenThisProcessEnds(asRoot, bin, data, root);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    /// <summary>
    /// A detached watchdog stops the cluster and deletes its directory once this process has gone, however it ended
    /// (a test host is often killed rather than let run its exit handlers).
    /// </summary>
    private static void StopWhenThisProcessEnds(bool asRoot, string bin, string data, string root)
    {
        var stop = $"{(asRoot ? "runuser -u postgres -- " : "")}'{Path.Combine(bin, "pg_ctl")}' -D '{data}' -m immediate stop";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf '{root}'";
        var watchdog = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "sh", "-c", script })
        {
            watchdog.ArgumentList.Add(argument);
        }

        using var started = Process.Start(watchdog) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog.");
        started.WaitForExit();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAsOwner(bool asRoot, string program, IReadOnlyList<string> arguments)
    {
        if (asRoot)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within two minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
