using Portal.Web.Functions.Schedules;
using Quartz;

namespace Portal.Web.Tests.Schedules;

public sealed class ScheduleTriggersTests
{
    // Monday 7 December 2026, 10:07:30 UTC (11:07:30 in Berlin).
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 7, 30, TimeSpan.Zero);

    [Theory]
    [InlineData(FunctionScheduleKind.EveryMinutes, 1, null, "", null, "Every minute")]
    [InlineData(FunctionScheduleKind.EveryMinutes, 15, null, "", null, "Every 15 minutes")]
    [InlineData(FunctionScheduleKind.EveryHours, 1, null, "", null, "Every hour, on the hour")]
    [InlineData(FunctionScheduleKind.EveryHours, 6, null, "", null, "Every 6 hours from 00:00 Europe/Berlin")]
    [InlineData(FunctionScheduleKind.Daily, null, "7:05", "", null, "Every day at 07:05 Europe/Berlin")]
    [InlineData(FunctionScheduleKind.Weekly, null, "09:00", "Friday,Monday,Tuesday,Wednesday,Thursday", null, "Every weekday at 09:00 Europe/Berlin")]
    [InlineData(FunctionScheduleKind.Weekly, null, "09:00", "Sunday,Saturday", null, "Every weekend day at 09:00 Europe/Berlin")]
    [InlineData(FunctionScheduleKind.Weekly, null, "18:30", "Wednesday,Monday,Friday", null, "Every Monday, Wednesday and Friday at 18:30 Europe/Berlin")]
    [InlineData(FunctionScheduleKind.Weekly, null, "18:30", "Sunday", null, "Every Sunday at 18:30 Europe/Berlin")]
    [InlineData(FunctionScheduleKind.Cron, null, null, "", "0 0/5 * * * ?", "Cron 0 0/5 * * * ? (Europe/Berlin)")]
    public void A_schedule_is_described_in_one_plain_line(FunctionScheduleKind kind, int? every, string? at, string days, string? cron, string expected)
    {
        var definition = Definition(kind, every, at, days, cron);

        Assert.Equal(expected, ScheduleDescriptions.Describe(definition));
    }

    [Theory]
    [InlineData(FunctionScheduleKind.EveryMinutes, 0, null, "", null, "Europe/Berlin", "between 1 and 59")]
    [InlineData(FunctionScheduleKind.EveryHours, 24, null, "", null, "Europe/Berlin", "between 1 and 23; for once a day choose daily")]
    [InlineData(FunctionScheduleKind.Daily, null, "9am", "", null, "Europe/Berlin", "'9am' is not a time of day. Enter it as HH:mm")]
    [InlineData(FunctionScheduleKind.Weekly, null, "09:00", "", null, "Europe/Berlin", "Pick at least one day")]
    [InlineData(FunctionScheduleKind.Cron, null, null, "", "", "Europe/Berlin", "Enter a cron expression. Quartz cron has six or seven fields")]
    [InlineData(FunctionScheduleKind.Cron, null, null, "", "0 9 * * *", "Europe/Berlin", "is not a valid cron expression")]
    [InlineData(FunctionScheduleKind.Cron, null, null, "", "0 0 9 1 1 ? 2020", "Europe/Berlin", "never fires after now")]
    [InlineData(FunctionScheduleKind.Daily, null, "09:00", "", null, "Berlin", "'Berlin' is not a time zone this server knows")]
    public void A_definition_that_cannot_be_scheduled_says_what_to_fix(FunctionScheduleKind kind, int? every, string? at, string days, string? cron, string zone, string message)
    {
        var error = ScheduleTriggers.Validate(Definition(kind, every, at, days, cron) with { TimeZone = zone }, Now);

        Assert.NotNull(error);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_weekday_at_nine_in_berlin_fires_on_the_next_three_working_days_at_nine_local_time()
    {
        var runs = NextRuns(Definition(FunctionScheduleKind.Weekly, null, "09:00", "Monday,Tuesday,Wednesday,Thursday,Friday", null));

        Assert.Equal([new(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), new(2026, 12, 9, 8, 0, 0, TimeSpan.Zero), new(2026, 12, 10, 8, 0, 0, TimeSpan.Zero)], runs);
    }

    [Fact]
    public void Every_fifteen_minutes_is_counted_from_midnight_so_it_fires_on_the_quarter_hours()
    {
        var runs = NextRuns(Definition(FunctionScheduleKind.EveryMinutes, 15, null, "", null));

        Assert.Equal([Now.Date.AddHours(10).AddMinutes(15), Now.Date.AddHours(10).AddMinutes(30), Now.Date.AddHours(10).AddMinutes(45)], runs.Select(r => r.UtcDateTime));
    }

    [Fact]
    public void Every_six_hours_fires_at_midnight_six_noon_and_six_in_the_schedules_zone()
    {
        var runs = NextRuns(Definition(FunctionScheduleKind.EveryHours, 6, null, "", null));

        Assert.Equal([11, 17, 23], runs.Select(r => r.UtcDateTime.Hour));
    }

    [Fact]
    public void A_daily_time_keeps_its_local_time_across_the_change_to_summer_time()
    {
        var spring = new DateTimeOffset(2027, 3, 26, 12, 0, 0, TimeSpan.Zero);
        var trigger = ScheduleTriggers.Create(Definition(FunctionScheduleKind.Daily, null, "09:00", "", null), new TriggerKey("t"), new JobKey("j"), spring);

        var runs = ScheduleTriggers.NextRuns(trigger, spring);

        Assert.Equal([8, 7, 7], runs.Select(r => r.UtcDateTime.Hour));
    }

    [Fact]
    public void Missed_firings_fire_once_and_proceed_for_every_kind()
    {
        var cron = ScheduleTriggers.Create(Definition(FunctionScheduleKind.Cron, null, null, "", "0 0 9 ? * MON-FRI"), new TriggerKey("c"), new JobKey("j"), Now);
        var interval = ScheduleTriggers.Create(Definition(FunctionScheduleKind.EveryMinutes, 5, null, "", null), new TriggerKey("i"), new JobKey("j"), Now);

        Assert.Equal((int)CronTriggerMisfireInstruction.FireAndProceed, cron.MisfireInstructionCode);
        Assert.Equal((int)CalendarIntervalTriggerMisfireInstruction.FireAndProceed, interval.MisfireInstructionCode);
    }

    private static IReadOnlyList<DateTimeOffset> NextRuns(FunctionScheduleDefinition definition) =>
        ScheduleTriggers.NextRuns(ScheduleTriggers.Create(definition, new TriggerKey("t"), new JobKey("j"), Now), Now);

    private static FunctionScheduleDefinition Definition(FunctionScheduleKind kind, int? every, string? at, string days, string? cron) => new()
    {
        Kind = kind,
        Every = every,
        At = at,
        Days = [.. days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<DayOfWeek>)],
        Cron = cron,
        TimeZone = "Europe/Berlin",
    };
}
