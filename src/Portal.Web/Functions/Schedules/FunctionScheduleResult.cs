namespace Portal.Web.Functions.Schedules;

/// <summary>Outcome of a schedule change: the schedule as saved, or an error that says what to do next.</summary>
public sealed record FunctionScheduleResult(FunctionSchedule? Schedule, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The caller may see the function but not change its schedules (SEC-36); the API answers 403.</summary>
    public bool Refused { get; init; }

    /// <summary>The function or the schedule does not exist for the caller; the API answers 404.</summary>
    public bool NotFound { get; init; }

    public static FunctionScheduleResult Ok(FunctionSchedule? schedule) => new(schedule, null);

    public static FunctionScheduleResult Fail(string error) => new(null, error);

    public static FunctionScheduleResult Refusal(string error) => new(null, error) { Refused = true };

    public static FunctionScheduleResult Missing(string error) => new(null, error) { NotFound = true };
}
