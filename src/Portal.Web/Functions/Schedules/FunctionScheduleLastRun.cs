using Portal.Web.Functions.Running;
namespace Portal.Web.Functions.Schedules;

/// <summary>
/// The latest firing of a schedule: the run it started (<see cref="RunId"/>, <see cref="Status"/>), or, when it could
/// not start one, why (<see cref="Status"/> null and <see cref="Message"/> saying what to fix).
/// </summary>
public sealed record FunctionScheduleLastRun(DateTimeOffset At, long? RunId, FunctionRunStatus? Status, string? Message)
{
    /// <summary>The Quartz instance id of the portal instance that fired it (several instances share the schedules).</summary>
    public string? Instance { get; init; }
}
