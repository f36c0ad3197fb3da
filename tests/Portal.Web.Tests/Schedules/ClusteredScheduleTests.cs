using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Functions.Schedules;
using Portal.Web.Tests.FunctionsApi;
using Xunit.Abstractions;

namespace Portal.Web.Tests.Schedules;

/// <summary>Three portal instances on one PostgreSQL database: Quartz's clustered store fires each schedule on one of them.</summary>
public sealed class ClusteredScheduleTests(ITestOutputHelper output) : IDisposable
{
    private const int Schedules = 20;

    private readonly SchedulePostgres database = new();

    [Fact]
    public async Task Twenty_schedules_due_in_the_same_minute_on_three_instances_fire_exactly_twenty_runs()
    {
        var shared = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        using var first = new PostgresPortalWebFactory(database.ConnectionString) { DataDirectory = shared };
        _ = first.Services;
        using var second = new PostgresPortalWebFactory(database.ConnectionString) { DataDirectory = shared, DeleteDataOnDispose = false };
        using var third = new PostgresPortalWebFactory(database.ConnectionString) { DataDirectory = shared, DeleteDataOnDispose = false };
        PostgresPortalWebFactory[] instances = [first, second, third];
        var alice = await FunctionsApiClient.ForAsync(first, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "return n;", new { name = "n", type = "number" });
        var owner = await FunctionsApiClient.PrincipalAsync(first, FunctionsApiClient.Alice);
        int functionId;
        await using (var db = await first.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            functionId = await db.Functions.Where(f => f.ApiName == apiName).Select(f => f.Id).SingleAsync();
        }

        // One firing each, all at the same second, added through all three instances.
        var due = DateTimeOffset.UtcNow.AddSeconds(20);
        var cron = string.Create(CultureInfo.InvariantCulture, $"{due.Second} {due.Minute} {due.Hour} {due.Day} {due.Month} ? {due.Year}");
        for (var n = 1; n <= Schedules; n++)
        {
            using var scope = instances[n % 3].Services.CreateScope();
            var created = await scope.ServiceProvider.GetRequiredService<FunctionScheduleService>().CreateAsync(owner, functionId, new FunctionScheduleDefinition
            {
                Kind = FunctionScheduleKind.Cron,
                Cron = cron,
                TimeZone = "UTC",
                Arguments = new Dictionary<string, string> { ["n"] = n.ToString(CultureInfo.InvariantCulture) },
            });
            Assert.True(created.Succeeded, created.Error);
        }

        var runs = await RunsAfterAsync(first, functionId, due + TimeSpan.FromSeconds(75));

        Assert.Equal(Schedules, runs.Count);
        Assert.All(runs, r => Assert.Equal(FunctionRunOrigin.Schedule, r.Origin));
        Assert.Equal(Enumerable.Range(1, Schedules).Select(n => n.ToString(CultureInfo.InvariantCulture)), runs.Select(r => r.ReturnValueJson!).Order(StringComparer.Ordinal).OrderBy(v => int.Parse(v, CultureInfo.InvariantCulture)));
        using var listScope = second.Services.CreateScope();
        var listed = await listScope.ServiceProvider.GetRequiredService<FunctionScheduleService>().ListAsync(owner, functionId);
        Assert.Equal(Schedules, listed!.Count(s => s.LastRun?.RunId is not null));
        foreach (var node in listed!.GroupBy(s => s.LastRun!.Instance))
        {
            output.WriteLine($"{node.Key}: {node.Count()} firings");
        }
    }

    public void Dispose() => database.Dispose();

    // Waits for all firings, then a little longer so that a duplicate would have time to show up.
    private static async Task<List<FunctionRunEntity>> RunsAfterAsync(PostgresPortalWebFactory instance, int functionId, DateTimeOffset deadline)
    {
        var factory = instance.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        async Task<List<FunctionRunEntity>> ReadAsync()
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.FunctionRuns.AsNoTracking().Where(r => r.FunctionId == functionId).ToListAsync();
        }

        while ((await ReadAsync()).Count < Schedules && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        return await ReadAsync();
    }
}
