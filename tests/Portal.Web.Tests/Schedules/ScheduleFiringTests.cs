using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Functions.Schedules;
using Portal.Web.Identity;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Schedules;

/// <summary>Schedules fire on the real portal's Quartz scheduler and their runs land in the history with origin Schedule.</summary>
public sealed class ScheduleFiringTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_schedule_fires_and_each_firing_is_a_run_with_origin_schedule_as_the_owner_with_its_arguments()
    {
        var alice = await FunctionsApiClient.ForAsync(factory, FunctionsApiClient.Alice);
        var apiName = await FunctionsApiClient.DeployAsync(alice, "info \"hello \" + name;\nreturn name;", new { name = "name", type = "text" });
        var owner = await FunctionsApiClient.PrincipalAsync(factory, FunctionsApiClient.Alice);
        var functionId = await FunctionIdAsync(apiName);

        using var scope = factory.Services.CreateScope();
        var schedules = scope.ServiceProvider.GetRequiredService<FunctionScheduleService>();
        var created = await schedules.CreateAsync(owner, functionId, EverySecond(new Dictionary<string, string> { ["name"] = "Berlin" }));
        Assert.True(created.Succeeded, created.Error);

        var run = await WaitForRunAsync(functionId);
        Assert.Equal(FunctionRunOrigin.Schedule, run.Origin);
        Assert.Equal(FunctionRunStatus.Succeeded, run.Status);
        Assert.Equal(await FunctionsApiClient.UserIdAsync(factory, FunctionsApiClient.Alice), run.UserId);
        Assert.Equal("\"Berlin\"", run.ReturnValueJson);
        var listed = await WaitForAsync(async () => (await schedules.ListAsync(owner, functionId))!.Single() is { LastRun.RunId: not null } s ? s : null);
        Assert.Equal(FunctionRunStatus.Succeeded, listed.LastRun!.Status);
        Assert.Equal(FunctionsApiClient.Alice, listed.RunAsEmail);
        Assert.Equal(3, listed.NextRuns.Count);

        Assert.True((await schedules.DeleteAsync(owner, functionId, created.Schedule!.Id)).Succeeded);
    }

    // SEC-38
    [Fact]
    public async Task A_schedule_whose_run_as_user_is_locked_by_an_admin_stops_running_and_says_why()
    {
        const string Erin = "erin.dev@test.local";
        using (var setup = factory.Services.CreateScope())
        {
            var accounts = setup.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await accounts.CreateAsync(new ApplicationUser { UserName = Erin, Email = Erin, EmailConfirmed = true }, "Erin-password-2026")).Succeeded);
            await accounts.AddToRoleAsync((await accounts.FindByEmailAsync(Erin))!, Roles.Developer);
        }

        var erin = await FunctionsApiClient.ForAsync(factory, Erin);
        var apiName = await FunctionsApiClient.DeployAsync(erin, "return 1;");
        var functionId = await FunctionIdAsync(apiName);
        using var scope = factory.Services.CreateScope();
        var schedules = scope.ServiceProvider.GetRequiredService<FunctionScheduleService>();
        var owner = await FunctionsApiClient.PrincipalAsync(factory, Erin);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(Erin))!, AccountLock.ByAdminUntil);

        var created = await schedules.CreateAsync(owner, functionId, EverySecond());
        var admin = await FunctionsApiClient.PrincipalAsync(factory, PortalWebFactory.AdminEmail);
        await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(Erin))!, null);
        var allowed = await schedules.CreateAsync(owner, functionId, EverySecond());
        await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(Erin))!, AccountLock.ByAdminUntil);
        var skipped = await WaitForAsync(async () => (await schedules.ListAsync(admin, functionId))!.Single() is { LastRun: { } last } ? last : null);

        Assert.False(created.Succeeded);
        Assert.Contains("locked by an admin, so the schedule cannot run as them", created.Error, StringComparison.Ordinal);
        Assert.True(allowed.Succeeded, allowed.Error);
        Assert.Null(skipped.RunId);
        Assert.Contains("was deleted or locked by an admin, so it did not run", skipped.Message, StringComparison.Ordinal);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.False(await db.FunctionRuns.AnyAsync(r => r.FunctionId == functionId));
    }

    internal static FunctionScheduleDefinition EverySecond(IReadOnlyDictionary<string, string>? arguments = null) => new()
    {
        Kind = FunctionScheduleKind.Cron,
        Cron = "*/1 * * * * ?",
        TimeZone = "UTC",
        Arguments = arguments ?? new Dictionary<string, string>(),
    };

    private async Task<int> FunctionIdAsync(string apiName)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Functions.Where(f => f.ApiName == apiName).Select(f => f.Id).SingleAsync();
    }

    private async Task<FunctionRunEntity> WaitForRunAsync(int functionId) => await WaitForAsync(async () =>
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.FunctionRuns.AsNoTracking().Where(r => r.FunctionId == functionId).OrderBy(r => r.Id).FirstOrDefaultAsync();
    });

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var until = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < until, "Nothing arrived in time.");
            await Task.Delay(200);
        }
    }
}
