namespace Portal.Web.Functions.Schedules;

/// <summary>
/// What a schedule does: when it fires (<see cref="Kind"/> with <see cref="Every"/>, <see cref="At"/>, <see cref="Days"/>
/// or <see cref="Cron"/>) in which time zone, as whom, and with which argument values (typed text, as in the Run tab).
/// </summary>
public sealed record FunctionScheduleDefinition
{
    public FunctionScheduleKind Kind { get; init; }

    /// <summary>The N of every N minutes or hours.</summary>
    public int? Every { get; init; }

    /// <summary>Time of day as HH:mm for daily and weekly schedules.</summary>
    public string? At { get; init; }

    public IReadOnlyList<DayOfWeek> Days { get; init; } = [];

    public string? Cron { get; init; }

    /// <summary>An IANA time zone id such as Europe/Berlin; the times above are wall-clock times there.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Who each firing runs as; null means the function's owner.</summary>
    public string? RunAsUserId { get; init; }

    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();

    public bool Enabled { get; init; } = true;
}
