using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Scripting.Values;
using Portal.Web.Data;
using Portal.Web.Functions.Running;
using Quartz;

namespace Portal.Web.Functions.Schedules;

/// <summary>
/// One firing of a schedule: runs the function through <see cref="IFunctionRunner"/> as the schedule's run-as user with
/// origin Schedule, and keeps the outcome on the job. Quartz's clustered store hands each firing to one instance only.
/// </summary>
internal sealed class FunctionScheduleJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    IFunctionRunner runner,
    ScheduleRunAs runAs,
    TimeProvider time,
    ILogger<FunctionScheduleJob> logger) : IJob
{
    /// <summary>A start refused by the per-user gate (SEC-28) is tried again this often, then given up.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    internal const int Attempts = 4;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var functionId = int.Parse(context.JobDetail.JobDataMap.GetString(ScheduleJobData.FunctionId)!, CultureInfo.InvariantCulture);
        var definition = ScheduleJobData.Read(context.Trigger.JobDataMap) ?? ScheduleJobData.Read(context.JobDetail.JobDataMap) ?? new FunctionScheduleDefinition();
        if (!definition.Enabled)
        {
            return;
        }

        var last = await FireAsync(context, functionId, definition, ct);
        if (last is not null)
        {
            // A schedule whose trigger has fired for the last time (a cron with a year) is still listed from the job.
            context.JobDetail.JobDataMap[ScheduleJobData.Definition] = ScheduleJobData.Write(definition);
            ScheduleJobData.SetLastRun(context.JobDetail.JobDataMap, last with { Instance = context.Scheduler.SchedulerInstanceId });
        }
    }

    private async Task<FunctionScheduleLastRun?> FireAsync(IJobExecutionContext context, int functionId, FunctionScheduleDefinition definition, CancellationToken ct)
    {
        var firedAt = time.GetUtcNow();
        FunctionEntity? function;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            function = await db.Functions.AsNoTracking().FirstOrDefaultAsync(f => f.Id == functionId, ct);
        }

        if (function is null)
        {
            // The function was deleted: its schedules go with it.
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Function {FunctionId} no longer exists; deleting its schedule {Schedule}.", functionId, context.JobDetail.Key.Name);
            }

            await context.Scheduler.DeleteJob(context.JobDetail.Key, ct);
            return null;
        }

        var (principal, refusal) = await runAs.CreateAsync(definition.RunAsUserId ?? function.OwnerUserId, ct);
        if (principal is null)
        {
            return Skipped(function, firedAt, refusal!);
        }

        var values = new Dictionary<string, ScriptValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in FunctionMapping.ReadArguments(function.ArgumentsJson))
        {
            if (!definition.Arguments.TryGetValue(argument.Name, out var text))
            {
                continue;
            }

            if (!FunctionArgumentValues.TryParse(argument.Type, text, out var value, out var error))
            {
                return Skipped(function, firedAt, $"Argument '{argument.Name}' ({argument.Type}): {error} Edit the schedule's arguments to match the function.");
            }

            values[argument.Name] = value;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var run = await runner.RunAsync(new FunctionRunRequest { FunctionId = functionId, Values = values }, principal, FunctionRunOrigin.Schedule, ct);
                return new FunctionScheduleLastRun(firedAt, run.Id > 0 ? run.Id : null, run.Status, run.ErrorMessage);
            }
            catch (InvalidOperationException refused) when (attempt < Attempts && !ct.IsCancellationRequested)
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("Schedule {Schedule} of {ApiName} could not start yet ({Reason}); trying again.", context.JobDetail.Key.Name, function.ApiName, refused.Message);
                }

                await Task.Delay(RetryDelay, time, ct);
            }
            catch (Exception failure) when (failure is InvalidOperationException or UnauthorizedAccessException)
            {
                return Skipped(function, firedAt, failure.Message);
            }
        }
    }

    private FunctionScheduleLastRun Skipped(FunctionEntity function, DateTimeOffset at, string reason)
    {
        logger.LogWarning("A schedule of function {ApiName} did not run: {Reason}", function.ApiName, reason);
        return new FunctionScheduleLastRun(at, null, null, reason);
    }
}
