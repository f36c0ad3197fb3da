using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Web.Audit;
using Portal.Web.Data;
using Quartz;

namespace Portal.Web.Functions.Schedules;

/// <summary>
/// A function's schedules, kept in Quartz's job store (one durable job and one trigger each). Anyone who may see the
/// function sees them; only its owner and admins change them (SEC-36).
/// </summary>
internal sealed class FunctionScheduleService(
    ISchedulerFactory schedulers,
    IDbContextFactory<PortalDbContext> dbFactory,
    ScheduleRunAs runAs,
    AuditLog audit,
    TimeProvider time,
    IOptions<ScheduleOptions> options)
{
    public const string CreatedAt = "createdAt";
    public const int MaxPerFunction = 50;

    private const string GoneError = "This function no longer exists, or is private to its owner. Go back to the functions list and refresh it.";
    private const string ScheduleGoneError = "This schedule no longer exists. Refresh the Schedules tab.";

    public string DefaultTimeZone => options.Value.DefaultTimeZone;

    public async Task<IReadOnlyList<FunctionSchedule>?> ListAsync(ClaimsPrincipal user, int functionId, CancellationToken ct = default)
    {
        if (await VisibleAsync(user, functionId, ct) is null)
        {
            return null;
        }

        var scheduler = await schedulers.GetScheduler(ct);
        var rows = new List<(DateTimeOffset Created, FunctionSchedule Schedule)>();
        foreach (var job in await JobsAsync(scheduler, functionId, ct))
        {
            if (await ReadAsync(scheduler, functionId, job.Key.Name, ct) is { } row)
            {
                rows.Add(row);
            }
        }

        var schedules = rows.OrderBy(r => r.Created).Select(r => r.Schedule).ToList();
        return await WithEmailsAsync(schedules, ct);
    }

    public async Task<FunctionSchedule?> GetAsync(ClaimsPrincipal user, int functionId, string scheduleId, CancellationToken ct = default)
    {
        if (await VisibleAsync(user, functionId, ct) is null)
        {
            return null;
        }

        var row = await ReadAsync(await schedulers.GetScheduler(ct), functionId, scheduleId, ct);
        return row is null ? null : (await WithEmailsAsync([row.Value.Schedule], ct))[0];
    }

    public async Task<FunctionScheduleResult> CreateAsync(ClaimsPrincipal user, int functionId, FunctionScheduleDefinition definition, CancellationToken ct = default)
    {
        var (function, failure) = await ManageableAsync(user, functionId, "add schedules to it", ct);
        if (function is null)
        {
            return failure!;
        }

        var (normalized, error) = await CheckAsync(user, function, definition, ct);
        if (normalized is null)
        {
            return FunctionScheduleResult.Fail(error!);
        }

        var scheduler = await schedulers.GetScheduler(ct);
        if ((await JobsAsync(scheduler, functionId, ct)).Count >= MaxPerFunction)
        {
            return FunctionScheduleResult.Fail($"A function can have at most {MaxPerFunction} schedules. Delete one, or combine them into a cron expression.");
        }

        var id = Guid.NewGuid().ToString("N");
        var job = JobBuilder.Create<FunctionScheduleJob>()
            .WithIdentity(ScheduleJobData.Job(functionId, id))
            .StoreDurably()
            .DisallowConcurrentExecution()
            .PersistJobDataAfterExecution()
            .UsingJobData(ScheduleJobData.FunctionId, functionId.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(CreatedAt, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))
            .UsingJobData(ScheduleJobData.Definition, ScheduleJobData.Write(normalized))
            .Build();
        await scheduler.ScheduleJob(job, Trigger(functionId, id, normalized), new ScheduleJobOptions { Paused = !normalized.Enabled }, ct);

        return await SavedAsync(user, function, id, FunctionAuditActions.ScheduleAdded, ct);
    }

    public async Task<FunctionScheduleResult> UpdateAsync(ClaimsPrincipal user, int functionId, string scheduleId, FunctionScheduleDefinition definition, CancellationToken ct = default)
    {
        var (function, failure) = await ManageableAsync(user, functionId, "change its schedules", ct);
        if (function is null)
        {
            return failure!;
        }

        var scheduler = await schedulers.GetScheduler(ct);
        if (!await scheduler.Exists(ScheduleJobData.Job(functionId, scheduleId), ct))
        {
            return FunctionScheduleResult.Missing(ScheduleGoneError);
        }

        var (normalized, error) = await CheckAsync(user, function, definition, ct);
        if (normalized is null)
        {
            return FunctionScheduleResult.Fail(error!);
        }

        await ApplyAsync(scheduler, functionId, scheduleId, normalized, ct);
        return await SavedAsync(user, function, scheduleId, FunctionAuditActions.ScheduleChanged, ct);
    }

    /// <summary>Enabling starts the schedule afresh from now: firings missed while it was off are not caught up.</summary>
    public async Task<FunctionScheduleResult> SetEnabledAsync(ClaimsPrincipal user, int functionId, string scheduleId, bool enabled, CancellationToken ct = default)
    {
        var (function, failure) = await ManageableAsync(user, functionId, enabled ? "enable its schedules" : "disable its schedules", ct);
        if (function is null)
        {
            return failure!;
        }

        var scheduler = await schedulers.GetScheduler(ct);
        if (await ReadAsync(scheduler, functionId, scheduleId, ct) is not { } current)
        {
            return FunctionScheduleResult.Missing(ScheduleGoneError);
        }

        var definition = current.Schedule.Definition with { Enabled = enabled };
        if (enabled && ScheduleTriggers.Validate(definition, time.GetUtcNow()) is { } error)
        {
            return FunctionScheduleResult.Fail(error + " Edit the schedule first.");
        }

        await ApplyAsync(scheduler, functionId, scheduleId, definition, ct);
        return await SavedAsync(user, function, scheduleId, enabled ? FunctionAuditActions.ScheduleEnabled : FunctionAuditActions.ScheduleDisabled, ct);
    }

    public async Task<FunctionScheduleResult> DeleteAsync(ClaimsPrincipal user, int functionId, string scheduleId, CancellationToken ct = default)
    {
        var (function, failure) = await ManageableAsync(user, functionId, "delete its schedules", ct);
        if (function is null)
        {
            return failure!;
        }

        var scheduler = await schedulers.GetScheduler(ct);
        var existing = await ReadAsync(scheduler, functionId, scheduleId, ct);
        if (existing is null || !await scheduler.DeleteJob(ScheduleJobData.Job(functionId, scheduleId), ct))
        {
            return FunctionScheduleResult.Missing(ScheduleGoneError);
        }

        await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.ScheduleDeleted, "function", function.ApiName, existing.Value.Schedule.Description, ct);
        return FunctionScheduleResult.Ok(null);
    }

    // A replaced trigger carries the new definition, stored paused in the same operation when the schedule is off; the
    // job's own data (the latest firing) is left to the job.
    private async Task ApplyAsync(IScheduler scheduler, int functionId, string scheduleId, FunctionScheduleDefinition definition, CancellationToken ct) =>
        await scheduler.ScheduleJob(Trigger(functionId, scheduleId, definition), new ScheduleJobOptions { Replace = true, Paused = !definition.Enabled }, ct);

    private static async Task<IReadOnlyList<JobHeader>> JobsAsync(IScheduler scheduler, int functionId, CancellationToken ct) =>
        (await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(ScheduleJobData.Group(functionId)), Take = MaxPerFunction }, ct)).Items;

    private ITrigger Trigger(int functionId, string scheduleId, FunctionScheduleDefinition definition)
    {
        var trigger = ScheduleTriggers.Create(definition, ScheduleJobData.Trigger(functionId, scheduleId), ScheduleJobData.Job(functionId, scheduleId), time.GetUtcNow(), time);
        trigger.JobDataMap[ScheduleJobData.Definition] = ScheduleJobData.Write(definition);
        return trigger;
    }

    private async Task<(DateTimeOffset Created, FunctionSchedule Schedule)?> ReadAsync(IScheduler scheduler, int functionId, string scheduleId, CancellationToken ct)
    {
        var job = await scheduler.GetJobDetail(ScheduleJobData.Job(functionId, scheduleId), ct);
        var trigger = await scheduler.GetTrigger(ScheduleJobData.Trigger(functionId, scheduleId), ct);
        if (job is null || (trigger is null ? ScheduleJobData.Read(job.JobDataMap) : ScheduleJobData.Read(trigger.JobDataMap)) is not { } definition)
        {
            return null;
        }

        var created = job.JobDataMap.TryGetString(CreatedAt, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at : DateTimeOffset.MinValue;
        var next = definition.Enabled && trigger is not null ? ScheduleTriggers.NextRuns(trigger, time.GetUtcNow()) : [];
        return (created, new FunctionSchedule(scheduleId, functionId, definition, ScheduleDescriptions.Describe(definition),
            definition.RunAsUserId ?? string.Empty, null, next, ScheduleJobData.LastRun(job.JobDataMap)));
    }

    private async Task<IReadOnlyList<FunctionSchedule>> WithEmailsAsync(List<FunctionSchedule> schedules, CancellationToken ct)
    {
        if (schedules.Count == 0)
        {
            return schedules;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var functionId = schedules[0].FunctionId;
        var owner = await db.Functions.Where(f => f.Id == functionId).Select(f => f.OwnerUserId).FirstOrDefaultAsync(ct) ?? string.Empty;
        var ids = schedules.Select(s => s.RunAsUserId.Length > 0 ? s.RunAsUserId : owner).Distinct().ToList();
        var emails = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        return [.. schedules.Select(s =>
        {
            var runAsId = s.RunAsUserId.Length > 0 ? s.RunAsUserId : owner;
            return s with { RunAsUserId = runAsId, RunAsEmail = emails.GetValueOrDefault(runAsId) };
        })];
    }

    private async Task<FunctionScheduleResult> SavedAsync(ClaimsPrincipal user, FunctionEntity function, string scheduleId, string action, CancellationToken ct)
    {
        var saved = await ReadAsync(await schedulers.GetScheduler(ct), function.Id, scheduleId, ct);
        var schedule = saved is null ? null : (await WithEmailsAsync([saved.Value.Schedule], ct))[0];
        await audit.RecordAsync(AuditActor.From(user), action, "function", function.ApiName, schedule?.Description, ct);
        return FunctionScheduleResult.Ok(schedule);
    }

    private async Task<FunctionEntity?> VisibleAsync(ClaimsPrincipal user, int functionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var function = await db.Functions.AsNoTracking().FirstOrDefaultAsync(f => f.Id == functionId, ct);
        return function is not null && FunctionPermissions.CanSee(user, function.OwnerUserId, function.Visibility) ? function : null;
    }

    // SEC-36: schedules run the function's code on their own; only those who may change the function set them up.
    private async Task<(FunctionEntity? Function, FunctionScheduleResult? Failure)> ManageableAsync(ClaimsPrincipal user, int functionId, string what, CancellationToken ct)
    {
        var function = await VisibleAsync(user, functionId, ct);
        if (function is null)
        {
            return (null, FunctionScheduleResult.Missing(GoneError));
        }

        if (FunctionPermissions.CanManage(user, function.OwnerUserId))
        {
            return (function, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == function.OwnerUserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        await audit.RecordAsync(AuditActor.From(user), FunctionAuditActions.ChangeRefused, "function", function.ApiName, $"refused to {what}: not the owner or an admin", ct);
        return (null, FunctionScheduleResult.Refusal(
            $"Only the function's owner ({owner ?? "a deleted user"}) and admins can {what}. Ask them to set up the schedule, or duplicate the function to schedule your own copy."));
    }

    private Task<(FunctionScheduleDefinition? Definition, string? Error)> CheckAsync(ClaimsPrincipal user, FunctionEntity function, FunctionScheduleDefinition definition, CancellationToken ct) =>
        ScheduleDefinitionCheck.CheckAsync(definition, function, FunctionPermissions.UserId(user), DefaultTimeZone, runAs, time.GetUtcNow(), ct);
}
