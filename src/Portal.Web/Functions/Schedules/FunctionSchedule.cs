namespace Portal.Web.Functions.Schedules;

/// <summary>A stored schedule as the Schedules panel, the API and the CLI show it.</summary>
public sealed record FunctionSchedule(
    string Id,
    int FunctionId,
    FunctionScheduleDefinition Definition,
    string Description,
    string RunAsUserId,
    string? RunAsEmail,
    IReadOnlyList<DateTimeOffset> NextRuns,
    FunctionScheduleLastRun? LastRun)
{
    public bool Enabled => Definition.Enabled;
}
