using System.Globalization;

namespace Portal.Web.Functions.Schedules;

/// <summary>One line saying when a schedule fires, like "Every weekday at 09:00 Europe/Berlin".</summary>
public static class ScheduleDescriptions
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static string Describe(FunctionScheduleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var zone = definition.TimeZone.Trim();
        var at = ScheduleTriggers.TryTime(definition.At, out var time) ? time.ToString("HH:mm", CultureInfo.InvariantCulture) : definition.At;
        return definition.Kind switch
        {
            FunctionScheduleKind.EveryMinutes => definition.Every == 1 ? "Every minute" : $"Every {definition.Every} minutes",
            FunctionScheduleKind.EveryHours => definition.Every == 1 ? "Every hour, on the hour" : $"Every {definition.Every} hours from 00:00 {zone}",
            FunctionScheduleKind.Daily => $"Every day at {at} {zone}",
            FunctionScheduleKind.Weekly => $"{Days(definition.Days)} at {at} {zone}",
            _ => $"Cron {definition.Cron?.Trim()} ({zone})",
        };
    }

    /// <summary>A fire time in the schedule's zone, like "Mon 8 Dec 09:00".</summary>
    public static string FireTime(DateTimeOffset at, string timeZone)
    {
        ScheduleTriggers.TryZone(timeZone, out var zone);
        return TimeZoneInfo.ConvertTime(at, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Days(IReadOnlyList<DayOfWeek> chosen)
    {
        var days = chosen.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
        if (days.Count == 7)
        {
            return "Every day";
        }

        if (days.SequenceEqual(Weekdays))
        {
            return "Every weekday";
        }

        if (days.SequenceEqual([DayOfWeek.Saturday, DayOfWeek.Sunday]))
        {
            return "Every weekend day";
        }

        var names = days.Select(d => d.ToString()).ToList();
        return "Every " + (names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1]);
    }
}
