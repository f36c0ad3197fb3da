using Portal.Web.Functions.Running;
using Portal.Web.Functions.Schedules;

namespace Portal.Web.Functions.Api;

/// <summary>One schedule in the API's answers; times are UTC, <c>next_runs</c> are the next three firings.</summary>
internal sealed record FunctionScheduleApiModel(
    string Id,
    string Description,
    FunctionScheduleKind Kind,
    int? Every,
    string? At,
    IReadOnlyList<DayOfWeek> Days,
    string? Cron,
    string TimeZone,
    string? RunAs,
    string RunAsUserId,
    IReadOnlyDictionary<string, string> Arguments,
    bool Enabled,
    IReadOnlyList<DateTimeOffset> NextRuns,
    FunctionScheduleApiModel.LastRunModel? LastRun,
    string MisfirePolicy)
{
    public static FunctionScheduleApiModel From(FunctionSchedule s)
    {
        var d = s.Definition;
        var last = s.LastRun is { } l ? new LastRunModel(l.At, l.RunId, l.Status, l.Message) : null;
        return new(s.Id, s.Description, d.Kind, d.Every, d.At, d.Days, d.Cron, d.TimeZone, s.RunAsEmail, s.RunAsUserId, d.Arguments, d.Enabled,
            s.NextRuns, last, ScheduleTriggers.MisfirePolicy);
    }

    /// <summary>The latest firing: the run it started, or (run_id and status null) why it could not start one.</summary>
    internal sealed record LastRunModel(DateTimeOffset At, long? RunId, FunctionRunStatus? Status, string? Message);
}
