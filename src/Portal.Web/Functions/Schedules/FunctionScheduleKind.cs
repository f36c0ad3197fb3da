namespace Portal.Web.Functions.Schedules;

/// <summary>How a schedule says when it fires, as the Schedules dialog offers it.</summary>
public enum FunctionScheduleKind
{
    /// <summary>Every N minutes (1–59), counted from midnight in the schedule's time zone.</summary>
    EveryMinutes,

    /// <summary>Every N hours (1–23), on the hour, counted from midnight in the schedule's time zone.</summary>
    EveryHours,

    /// <summary>Every day at a time of day.</summary>
    Daily,

    /// <summary>On chosen days of the week at a time of day.</summary>
    Weekly,

    /// <summary>A Quartz cron expression (seconds first, e.g. <c>0 0 9 ? * MON-FRI</c>).</summary>
    Cron,
}
