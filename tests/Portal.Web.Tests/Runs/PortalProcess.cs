using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Portal.Web.Tests.Runs;

/// <summary>
/// The real portal as a process of its own (<c>dotnet Portal.Web.dll</c> from this test's output) in Production mode on a
/// free loopback port and a SQLite file that outlives it, so a test can kill it as a crash would and start it again.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@crash.test";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private PortalProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Everything the portal wrote to stdout and stderr so far, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static string DatabasePath(string dataDirectory) => Path.Combine(dataDirectory, "portal.db");

    public static async Task<PortalProcess> StartAsync(string dataDirectory)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = url,
                ["ConnectionStrings__Portal"] = $"Data Source={DatabasePath(dataDirectory)}",
                ["DataProtection__CertificatePath"] = Path.Combine(dataDirectory, "keys", "dataprotection.pfx"),
                ["Portal__Admin__Email"] = AdminEmail,
                ["Portal__Admin__Password"] = "crash-admin-password-123",
                ["Sandbox__Enabled"] = "false",
                ["Portal__Runs__MaxConcurrentPerUser"] = "1000",
                ["Portal__Runs__MaxStartsPerMinutePerUser"] = "1000000",
                ["Portal__FunctionsApi__ExecutePerMinute"] = "1000000",
                ["Portal__FunctionsApi__ExecutePerMinutePerKey"] = "1000000",
            },
        };
        var process = new Process { StartInfo = start };
        var portal = new PortalProcess(process, url);
        process.OutputDataReceived += (_, line) => portal.Append(line.Data);
        process.ErrorDataReceived += (_, line) => portal.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {process.ExitCode} before it answered:\n{portal.Output}");
            }

            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        await portal.DisposeAsync();
        throw new TimeoutException($"The portal did not answer /healthz within 90 s:\n{portal.Output}");
    }

    /// <summary>
    /// A personal access token of the admin, written as the portal stores it (SHA-256, SEC-21): tokens are made in the UI,
    /// which a separate process cannot reach into.
    /// </summary>
    public static async Task<string> CreateAdminTokenAsync(string dataDirectory)
    {
        var token = "pat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var db = await OpenAsync(dataDirectory);
        await using var insert = db.CreateCommand();
        insert.CommandText = """
            INSERT INTO PersonalAccessTokens (Id, UserId, Name, TokenHash, Prefix, CreatedAt)
            SELECT $id, Id, 'crash test', $hash, $prefix, $now FROM AspNetUsers WHERE Email = $email
            """;
        insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$hash", Sha256(token));
        insert.Parameters.AddWithValue("$prefix", token[..12]);
        insert.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$email", AdminEmail);
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        return token;
    }

    public static async Task<long> CountAsync(string dataDirectory, string sql)
    {
        await using var db = await OpenAsync(dataDirectory);
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<HashSet<long>> RunIdsAsync(string dataDirectory)
    {
        await using var db = await OpenAsync(dataDirectory);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT Id FROM FunctionRuns";
        var ids = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>SIGKILL: the process ends at once, as in a crash or an OOM kill; nothing of it runs any more.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd or docker stop send it; returns the exit code of the graceful shutdown.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    private static async Task<SqliteConnection> OpenAsync(string dataDirectory)
    {
        var db = new SqliteConnection($"Data Source={DatabasePath(dataDirectory)};Pooling=False");
        await db.OpenAsync();
        return db;
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
