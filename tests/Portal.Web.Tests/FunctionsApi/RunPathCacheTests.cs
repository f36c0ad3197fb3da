using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Tests.Security.Identity;
using Portal.Web.Users;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>
/// Once warm, a run through the execute API reads nothing from the database (issue #18): the key, its user and roles,
/// the function, whose code it is, the admin's email and the compiled script are cached. A change is seen by the very
/// next call: a new version runs at once, and an admin's lock stops a warm key at once (SEC-38).
/// The change counters are process-wide (a write through any host drops every host's entries), so these tests run alone:
/// another test class writing functions at the same moment would make a warm run read again, which is correct and not a
/// cache miss worth failing on.
/// </summary>
[Collection(ProcessWideCountersCollection.Name)]
public sealed class RunPathCacheTests(RunPathCacheTests.CountingPortalFactory factory) : IClassFixture<RunPathCacheTests.CountingPortalFactory>
{
    private static readonly string[] RunPathTables = ["\"Functions\"", "\"FunctionVersions\"", "\"AspNetUsers\"", "\"AspNetUserRoles\"", "\"AspNetRoles\""];

    [Fact]
    public async Task A_warm_call_with_a_key_sends_no_query_and_is_still_recorded()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return zoho.adminuser + \" \" + zoho.loginuser;");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName);
        using var caller = FunctionsApiClient.WithKey(factory, key);
        var cold = await factory.Counter.RecordAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await caller.PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode));

        var commands = await factory.Counter.RecordAsync(async () =>
        {
            var warm = await caller.PostAsync(FunctionsApiClient.Execute(apiName), null);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
            var output = (await warm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("output").GetString();
            Assert.Equal($"{PortalWebFactory.AdminEmail} {FunctionsApiClient.Alice}", output);
        });

        Assert.NotEmpty(RunPathReads(cold));
        var reads = RunPathReads(commands);
        Assert.True(reads.Count == 0, "a warm run still queried:\n" + string.Join("\n---\n", reads));
        var runs = await alice.GetFromJsonAsync<JsonElement>($"/api/v1/functions/{apiName}/runs");
        Assert.Equal(2, runs.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task A_new_version_runs_on_the_next_call_after_a_warm_one()
    {
        using var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return \"first\";");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName);
        using var caller = FunctionsApiClient.WithKey(factory, key);
        Assert.Equal("first", await OutputAsync(caller, apiName));

        var saved = await alice.PutAsJsonAsync($"/api/v1/functions/{apiName}", new { code = "return \"second\";" });

        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal("second", await OutputAsync(caller, apiName));
    }

    // SEC-38: the cache never keeps a locked user's key working.
    [Fact]
    public async Task An_admins_lock_stops_a_warm_key_on_the_next_call()
    {
        var (email, id) = await PortalAccounts.CreateAsync(factory, Roles.Developer);
        using var developer = await FunctionsApiClient.ForAsync(factory, email);
        var apiName = await FunctionsApiClient.DeployAsync(developer, "return 1;");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName, email);
        using var caller = FunctionsApiClient.WithKey(factory, key);
        Assert.Equal(HttpStatusCode.OK, (await caller.PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var locked = await scope.ServiceProvider.GetRequiredService<IUserAdminService>().SetLockedAsync(await PortalAccounts.AdminAsync(factory), id, locked: true);
            Assert.True(locked.Succeeded, locked.Error);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await caller.PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);
    }

    private static List<string> RunPathReads(IEnumerable<string> commands) =>
        [.. commands.Where(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && RunPathTables.Any(t => c.Contains(t, StringComparison.Ordinal)))];

    private static async Task<string?> OutputAsync(HttpClient caller, string apiName)
    {
        var response = await caller.PostAsync(FunctionsApiClient.Execute(apiName), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("output").GetString();
    }

    /// <summary>The portal with a command recorder on its database context.</summary>
    public sealed class CountingPortalFactory : PortalWebFactory
    {
        public CommandRecorder Counter { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<PortalDbContext>((_, options) => options.AddInterceptors(Counter)));
        }
    }

    /// <summary>Keeps the text of every command sent while <see cref="RecordAsync"/> runs its action.</summary>
    public sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly SemaphoreSlim one = new(1, 1);
        private ConcurrentQueue<string>? recording;

        public async Task<IReadOnlyList<string>> RecordAsync(Func<Task> action)
        {
            await one.WaitAsync();
            try
            {
                recording = new ConcurrentQueue<string>();
                await action();
                var seen = recording.ToList();
                recording = null;
                return seen;
            }
            finally
            {
                one.Release();
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            recording?.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            recording?.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            recording?.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            recording?.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            recording?.Enqueue(command.CommandText);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            recording?.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}

/// <summary>Tests that count the queries a request sends run alone: the change counters they rely on are process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCountersCollection
{
    public const string Name = "Process-wide change counters";
}
