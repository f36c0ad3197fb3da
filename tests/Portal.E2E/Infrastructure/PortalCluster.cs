using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Portal.TestSupport;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// Several real portal processes (<c>dotnet Portal.Web.dll</c> from this test's output), each on its own 127.0.0.1 port,
/// sharing one throw-away PostgreSQL database and one key-ring certificate file, as README "Several instances" runs them.
/// The first instance starts alone (it migrates, seeds the admin and writes the certificate), the others after it.
/// </summary>
public sealed class PortalCluster : IAsyncDisposable
{
    public const string AdminEmail = "admin@cluster.test";
    public const string AdminPassword = "cluster-admin-password-123";

    private readonly PostgresTestDatabase database;
    private readonly string dataDirectory;

    private PortalCluster(PostgresTestDatabase database, string dataDirectory, IReadOnlyList<Instance> instances)
    {
        this.database = database;
        this.dataDirectory = dataDirectory;
        Instances = instances;
    }

    public IReadOnlyList<Instance> Instances { get; }

    public string ConnectionString => database.ConnectionString;

    /// <summary>Free loopback ports chosen up front, so redirect URIs can be registered before any instance starts.</summary>
    public static IReadOnlyList<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    /// <param name="ports">One port per instance.</param>
    /// <param name="settings">Further environment variables of every instance (configuration keys with <c>__</c>).</param>
    public static async Task<PortalCluster> StartAsync(IReadOnlyList<int> ports, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = new PostgresTestDatabase();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "portal-cluster", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var instances = new List<Instance>();
        try
        {
            instances.Add(await Instance.StartAsync(ports[0], Environment(database, dataDirectory, settings)));
            instances.AddRange(await Task.WhenAll(ports.Skip(1).Select(p => Instance.StartAsync(p, Environment(database, dataDirectory, settings)))));
            return new PortalCluster(database, dataDirectory, instances);
        }
        catch
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            database.Dispose();
            throw;
        }
    }

    /// <summary>A personal access token of the admin, written as the portal stores it (SHA-256, SEC-21): tokens are made in the UI.</summary>
    public async Task<string> CreateAdminTokenAsync()
    {
        var token = "pat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await ExecuteAsync(
            """
            INSERT INTO "PersonalAccessTokens" ("Id", "UserId", "Name", "TokenHash", "Prefix", "CreatedAt")
            SELECT @id, "Id", 'cluster test', @hash, @prefix, now() FROM "AspNetUsers" WHERE "NormalizedEmail" = upper(@email)
            """,
            ("id", Guid.NewGuid()), ("hash", Sha256(token)), ("prefix", token[..12]), ("email", AdminEmail));
        return token;
    }

    /// <summary>Gives a function an API key enabled by the admin, written as the portal stores it (the key is shown once in the UI).</summary>
    public async Task<string> EnableApiKeyAsync(string apiName)
    {
        var key = "pfk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var changed = await ExecuteAsync(
            """
            UPDATE "Functions" SET "ApiKeyHash" = @hash, "ApiKeyPrefix" = @prefix, "ApiKeyCreatedAt" = now(),
                "ApiKeyUserId" = (SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedEmail" = upper(@email))
            WHERE "ApiName" = @name
            """,
            ("hash", Sha256(key)), ("prefix", key[..12]), ("email", AdminEmail), ("name", apiName));
        Assert.Equal(1, changed);
        return key;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }

        database.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }

    private async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static Dictionary<string, string> Environment(PostgresTestDatabase database, string dataDirectory, IReadOnlyDictionary<string, string>? settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "PostgreSQL",
            // 50 pooled connections per instance (Npgsql's default is 100) for EF Core, and as many for the run limits and
            // Quartz: three busy instances peak near 250 server connections, inside the 500 of tests/run.sh's cluster.
            ["ConnectionStrings__Portal"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 50 }.ConnectionString,
            ["DataProtection__CertificatePath"] = Path.Combine(dataDirectory, "keys", "dataprotection.pfx"),
            ["Portal__Admin__Email"] = AdminEmail,
            ["Portal__Admin__Password"] = AdminPassword,
            ["Sandbox__Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>One portal process on its own loopback port.</summary>
    public sealed class Instance : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        private Instance(Process process, string url)
        {
            this.process = process;
            Url = url;
        }

        public string Url { get; }

        public int Port => new Uri(Url).Port;

        public bool IsRunning => !process.HasExited;

        /// <summary>Everything the instance wrote to stdout and stderr so far, for a failure message.</summary>
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

        internal static async Task<Instance> StartAsync(int port, IReadOnlyDictionary<string, string> environment)
        {
            var url = $"http://127.0.0.1:{port}";
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll")])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            start.Environment["ASPNETCORE_URLS"] = url;
            var process = new Process { StartInfo = start };
            var instance = new Instance(process, url);
            process.OutputDataReceived += (_, line) => instance.Append(line.Data);
            process.ErrorDataReceived += (_, line) => instance.Append(line.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The portal on {url} exited with {process.ExitCode} before it answered:\n{instance.Output}");
                }

                try
                {
                    if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                    {
                        return instance;
                    }
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }

                await Task.Delay(200);
            }

            await instance.DisposeAsync();
            throw new TimeoutException($"The portal on {url} did not answer /healthz within 90 s:\n{instance.Output}");
        }

        /// <summary>SIGKILL, as in a crash: the instance and its circuits are gone at once.</summary>
        public async Task KillAsync()
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await KillAsync();
            process.Dispose();
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
}
