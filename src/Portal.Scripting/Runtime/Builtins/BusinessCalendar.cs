using System.Globalization;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>Weekends and holidays for the business-day methods; every loop is bounded by the count it was given.</summary>
internal sealed class BusinessCalendar(HashSet<DayOfWeek> weekends, HashSet<DateTime> holidays)
{
    private const long MaxDays = 1_000_000;

    public static BusinessCalendar From(RunState state, string name, ScriptValue[] args, int index)
    {
        var weekends = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };
        if (args.Length > index && args[index] is not ScriptNull)
        {
            weekends = [.. Args.List(name, args, index).Items.Select(v => ParseDay(name, state.Display(v)))];
        }

        var holidays = new HashSet<DateTime>();
        if (args.Length > index + 1 && args[index + 1] is not ScriptNull)
        {
            foreach (var item in Args.List(name, args, index + 1).Items)
            {
                holidays.Add(item switch
                {
                    ScriptDateTime date => date.Value.Date,
                    ScriptText text when DateTimeText.TryParse(text.Value, out var parsed) => parsed.Value.Date,
                    _ => throw new ScriptRuntimeException($"{name}() holiday list holds {item.TypeName} ({Evaluator.Short(item)}); give dates like '25-Dec-2024'"),
                });
            }
        }

        if (weekends.Count == 7)
        {
            throw new ScriptRuntimeException($"{name}() got all seven days as weekend days, so no business day exists; list only the days off");
        }

        return new BusinessCalendar(weekends, holidays);
    }

    public static DayOfWeek ParseDay(string name, string day) =>
        Enum.TryParse<DayOfWeek>(day.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(day, out _)
            ? parsed
            : CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames.Select((n, i) => (n, i)).FirstOrDefault(p => p.n.Equals(day.Trim(), StringComparison.OrdinalIgnoreCase)) is { n: not null } match
                ? (DayOfWeek)match.i
                : throw new ScriptRuntimeException($"{name}() does not know the day \"{day}\"; use Sunday, Monday, Tuesday, Wednesday, Thursday, Friday or Saturday");

    public bool IsBusinessDay(DateTime date) => !weekends.Contains(date.DayOfWeek) && !holidays.Contains(date.Date);

    public DateTime AddDays(DateTime start, long days)
    {
        CheckCount(days);
        var step = days >= 0 ? 1 : -1;
        var date = start;
        try
        {
            for (var remaining = Math.Abs(days); remaining > 0;)
            {
                date = date.AddDays(step);
                if (IsBusinessDay(date))
                {
                    remaining--;
                }
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ScriptRuntimeException($"adding {days} business days moves the date outside the years 1 to 9999");
        }

        return date;
    }

    // Both ends count, as Zoho's workDaysBetween does; a reversed range counts negatively.
    public long CountDays(DateTime from, DateTime to)
    {
        var (early, late, sign) = from <= to ? (from.Date, to.Date, 1) : (to.Date, from.Date, -1);
        CheckCount((long)(late - early).TotalDays);
        var count = 0L;
        var span = (long)(late - early).TotalDays;
        for (var day = 0L; day <= span; day++)
        {
            count += IsBusinessDay(early.AddDays(day)) ? 1 : 0;
        }

        return sign * count;
    }

    // Zoho writes business hours as hours.minutes: 1.30 is 1 h 30 min and 0.1 is one minute.
    public DateTime AddHours(string name, DateTime start, decimal hours, ScriptValue? businessHours)
    {
        var (open, close) = Hours(name, businessHours);
        var magnitude = Math.Abs(hours);
        var whole = decimal.Truncate(magnitude);
        var digits = (magnitude - whole).ToString(CultureInfo.InvariantCulture).TrimStart('0').TrimStart('.');
        var minutes = (long)whole * 60 + (digits.Length == 0 ? 0 : long.Parse(digits[..Math.Min(digits.Length, 4)], CultureInfo.InvariantCulture));
        CheckCount(minutes / 60 / 24);
        var forward = hours >= 0;
        var time = start;
        try
        {
            time = Normalize(time, open, close, forward);
            while (minutes > 0)
            {
                var available = (long)(forward ? time.Date + close - time : time - (time.Date + open)).TotalMinutes;
                if (minutes <= available)
                {
                    return forward ? time.AddMinutes(minutes) : time.AddMinutes(-minutes);
                }

                minutes -= available;
                time = Normalize(forward ? time.Date.AddDays(1) + open : time.Date.AddDays(-1) + close, open, close, forward);
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ScriptRuntimeException($"{name}({hours}) moves the date outside the years 1 to 9999");
        }

        return time;
    }

    private DateTime Normalize(DateTime time, TimeSpan open, TimeSpan close, bool forward)
    {
        if (forward)
        {
            if (time.TimeOfDay >= close || !IsBusinessDay(time))
            {
                time = AddDays(time.Date, 1) + open;
            }

            return time.TimeOfDay < open ? time.Date + open : time;
        }

        if (time.TimeOfDay <= open || !IsBusinessDay(time))
        {
            time = AddDays(time.Date, -1) + close;
        }

        return time.TimeOfDay > close ? time.Date + close : time;
    }

    private static (TimeSpan Open, TimeSpan Close) Hours(string name, ScriptValue? value)
    {
        string? open = null, close = null;
        switch (value)
        {
            case null or ScriptNull:
                return (TimeSpan.FromHours(9), TimeSpan.FromHours(18));
            case ScriptMap map:
                open = map["start"] is { } s ? ValueFormatter.ToDisplayString(s, 100, default) : null;
                close = map["end"] is { } e ? ValueFormatter.ToDisplayString(e, 100, default) : null;
                break;
            case ScriptText text when text.Value.Split('-') is [var from, var to]:
                (open, close) = (from, to);
                break;
        }

        if (TimeSpan.TryParseExact(open?.Trim(), [@"h\:mm", @"hh\:mm"], CultureInfo.InvariantCulture, out var openAt)
            && TimeSpan.TryParseExact(close?.Trim(), [@"h\:mm", @"hh\:mm"], CultureInfo.InvariantCulture, out var closeAt) && openAt < closeAt && closeAt <= TimeSpan.FromHours(24))
        {
            return (openAt, closeAt);
        }

        throw new ScriptRuntimeException($"{name}() business hours must look like {{\"start\":\"09:00\",\"end\":\"18:00\"}} or \"09:00-18:00\", with start before end");
    }

    private static void CheckCount(long days)
    {
        if (Math.Abs(days) > MaxDays)
        {
            throw new ScriptRuntimeException($"business-day arithmetic over more than {MaxDays:N0} days is not supported; use addDay for long spans");
        }
    }
}
