using System.Globalization;
using Quartz;

namespace Portal.Web.Functions.Schedules;

/// <summary>
/// Turns a schedule definition into a Quartz trigger and back into the next fire times. Missed firings (the portal was
/// down, or every instance busy, for longer than the misfire threshold) fire once as soon as possible and the schedule
/// then continues at its regular times: Quartz's FireAndProceed, never a replay of every missed firing.
/// </summary>
public static class ScheduleTriggers
{
    public const int MaxMinutes = 59;
    public const int MaxHours = 23;

    /// <summary>The sentence the UI, the README and the API's help text use for the policy above.</summary>
    public const string MisfirePolicy =
        "A firing missed while the portal was down runs once when it is back, then the schedule continues at its regular times; missed firings are not replayed one by one.";

    /// <summary>Null when the definition can be scheduled; otherwise what is wrong and how to fix it.</summary>
    public static string? Validate(FunctionScheduleDefinition definition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!TryZone(definition.TimeZone, out var zone))
        {
            return $"'{definition.TimeZone}' is not a time zone this server knows. Use an IANA id such as Europe/Berlin, America/New_York or UTC.";
        }

        switch (definition.Kind)
        {
            case FunctionScheduleKind.EveryMinutes when definition.Every is not (>= 1 and <= MaxMinutes):
                return $"Every N minutes needs N between 1 and {MaxMinutes}; for longer intervals choose every N hours.";
            case FunctionScheduleKind.EveryHours when definition.Every is not (>= 1 and <= MaxHours):
                return $"Every N hours needs N between 1 and {MaxHours}; for once a day choose daily.";
            case FunctionScheduleKind.Daily or FunctionScheduleKind.Weekly when !TryTime(definition.At, out _):
                return $"'{definition.At}' is not a time of day. Enter it as HH:mm in 24-hour form, like 09:00 or 17:30.";
            case FunctionScheduleKind.Weekly when definition.Days.Count == 0:
                return "Pick at least one day of the week for a weekly schedule.";
            case FunctionScheduleKind.Cron:
                return CronError(definition.Cron, zone, now);
            case not (FunctionScheduleKind.EveryMinutes or FunctionScheduleKind.EveryHours or FunctionScheduleKind.Daily or FunctionScheduleKind.Weekly):
                return "Choose how often the schedule runs: every N minutes, every N hours, daily, weekly or a cron expression.";
            default:
                return null;
        }
    }

    /// <summary>The trigger for a valid definition, starting after <paramref name="now"/>.</summary>
    public static ITrigger Create(FunctionScheduleDefinition definition, TriggerKey key, JobKey job, DateTimeOffset now, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Validate(definition, now) is { } error)
        {
            throw new ArgumentException(error, nameof(definition));
        }

        TryZone(definition.TimeZone, out var zone);
        var builder = TriggerBuilder.Create(time ?? TimeProvider.System).WithIdentity(key).ForJob(job);
        return definition.Kind switch
        {
            FunctionScheduleKind.EveryMinutes => Interval(builder, zone, now, definition.Every!.Value, IntervalUnit.Minute),
            FunctionScheduleKind.EveryHours => Interval(builder, zone, now, definition.Every!.Value, IntervalUnit.Hour),
            _ => builder.StartAt(now)
                .WithSchedule(CronScheduleBuilder.Create(CronText(definition)).InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build(),
        };
    }

    /// <summary>Up to <paramref name="count"/> fire times of <paramref name="trigger"/> after <paramref name="after"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> NextRuns(ITrigger trigger, DateTimeOffset after, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var runs = new List<DateTimeOffset>(count);
        var next = trigger.NextFireTimeUtc is { } stored && stored > after ? stored : trigger.GetFireTimeAfter(after);
        while (next is { } at && runs.Count < count)
        {
            runs.Add(at);
            next = trigger.GetFireTimeAfter(at);
        }

        return runs;
    }

    /// <summary>The Quartz cron expression of a daily, weekly or cron schedule.</summary>
    public static string CronText(FunctionScheduleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Kind == FunctionScheduleKind.Cron)
        {
            return definition.Cron!.Trim();
        }

        TryTime(definition.At, out var at);
        var days = definition.Kind == FunctionScheduleKind.Weekly
            ? string.Join(',', definition.Days.Distinct().Order().Select(d => d.ToString()[..3].ToUpperInvariant()))
            : "*";
        return string.Create(CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} ? * {days}");
    }

    public static bool TryZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var found))
        {
            return false;
        }

        zone = found;
        return true;
    }

    public static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string? CronError(string? cron, TimeZoneInfo zone, DateTimeOffset now)
    {
        const string Shape = "Quartz cron has six or seven fields, seconds first: second minute hour day-of-month month day-of-week [year], for example 0 0 9 ? * MON-FRI.";
        if (string.IsNullOrWhiteSpace(cron))
        {
            return "Enter a cron expression. " + Shape;
        }

        CronExpression expression;
        try
        {
            expression = new CronExpression(cron.Trim(), zone);
        }
        catch (FormatException invalid)
        {
            return $"'{cron.Trim()}' is not a valid cron expression ({invalid.Message.TrimEnd('.')}). {Shape}";
        }

        return expression.GetNextValidTimeAfter(now) is null
            ? $"'{cron.Trim()}' never fires after now; check its year and dates."
            : null;
    }

    // Counted from local midnight so that every 15 minutes fires at :00, :15, :30 and :45, and every 6 hours at 00, 06, 12 and 18.
    private static ITrigger Interval(TriggerBuilder<IJob> builder, TimeZoneInfo zone, DateTimeOffset now, int every, IntervalUnit unit)
    {
        var step = unit == IntervalUnit.Hour ? every * 60 : every;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var next = local.DateTime.Date.AddMinutes(((int)local.TimeOfDay.TotalMinutes / step + 1) * step);
        while (zone.IsInvalidTime(next))
        {
            next = next.AddMinutes(step);
        }

        return builder.StartAt(new DateTimeOffset(next, zone.GetUtcOffset(next)))
            .WithSchedule(CalendarIntervalScheduleBuilder.Create().WithInterval(every, unit).InTimeZone(zone)
                .WithMisfireInstruction(CalendarIntervalTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }
}
