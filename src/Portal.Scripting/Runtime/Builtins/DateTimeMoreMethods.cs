using System.Globalization;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>Date-time parts, spans between dates, month ends and business days.</summary>
internal static class DateTimeMoreMethods
{
    public static ScriptValue? Call(RunState state, MethodId id, string name, ScriptDateTime date, ScriptValue[] args)
    {
        var value = date.Value;
        switch (id)
        {
            case MethodId.GetDayOfWeek:
            case MethodId.Weekday:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of((int)value.DayOfWeek + 1);
            case MethodId.GetDayOfYear:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of(value.DayOfYear);
            case MethodId.GetWeekOfYear:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of(CultureInfo.InvariantCulture.Calendar.GetWeekOfYear(value, CalendarWeekRule.FirstDay, DayOfWeek.Sunday));
            case MethodId.ToStartOfMonth:
                Args.Count(name, args, 0, 0);
                return new ScriptDateTime(new DateTime(value.Year, value.Month, 1), true);
            case MethodId.Eomonth:
                Args.Count(name, args, 1, 1);
                var months = Args.Int32(name, args, 0);
                try
                {
                    var month = new DateTime(value.Year, value.Month, 1).AddMonths(months);
                    return new ScriptDateTime(month.AddDays(DateTime.DaysInMonth(month.Year, month.Month) - 1), true);
                }
                catch (ArgumentOutOfRangeException)
                {
                    throw new ScriptRuntimeException($"eomonth({months}) moves the date outside the years 1 to 9999");
                }

            case MethodId.HoursBetween:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of((long)(DateTimeMethods.OtherDate(name, args, 0).Value - value).TotalHours);
            case MethodId.MinutesBetween:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of((long)(DateTimeMethods.OtherDate(name, args, 0).Value - value).TotalMinutes);
            case MethodId.MonthsBetween:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of(MonthsBetween(value, DateTimeMethods.OtherDate(name, args, 0).Value));
            case MethodId.YearsBetween:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of(MonthsBetween(value, DateTimeMethods.OtherDate(name, args, 0).Value) / 12);
            case MethodId.Days360:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of(Days360(value, DateTimeMethods.OtherDate(name, args, 0).Value));
            case MethodId.UnixEpoch:
                Args.Count(name, args, 0, 1);
                return ScriptNumber.Of(UnixMilliseconds(value, args.Length == 0 ? null : Args.Text(state, args, 0)));
            case MethodId.NextWeekDay:
                Args.Count(name, args, 1, 1);
                var day = BusinessCalendar.ParseDay(name, Args.Text(state, args, 0));
                var ahead = ((int)day - (int)value.DayOfWeek + 7) % 7;
                return new ScriptDateTime(value.AddDays(ahead == 0 ? 7 : ahead), date.IsDateOnly);
            case MethodId.AddBusinessDay:
            case MethodId.Workday:
            case MethodId.SubBusinessDay:
                Args.Count(name, args, 1, 3);
                var days = Args.Integer(name, args, 0);
                var calendar = BusinessCalendar.From(state, name, args, 1);
                return new ScriptDateTime(calendar.AddDays(value, id == MethodId.SubBusinessDay ? -days : days), date.IsDateOnly);
            case MethodId.WorkDaysBetween:
                Args.Count(name, args, 1, 3);
                var end = DateTimeMethods.OtherDate(name, args, 0).Value;
                return ScriptNumber.Of(BusinessCalendar.From(state, name, args, 1).CountDays(value, end));
            case MethodId.AddBusinessHour:
                Args.Count(name, args, 1, 4);
                var hours = Args.Number(name, args, 0);
                var hourCalendar = BusinessCalendar.From(state, name, args, 1);
                return new ScriptDateTime(hourCalendar.AddHours(name, value, hours, args.Length > 3 ? args[3] : null), false);
            default:
                return null;
        }
    }

    // Zoho: "If no timezone or an invalid timezone is provided, the timezone is defaulted to GMT".
    public static long UnixMilliseconds(DateTime value, string? timeZone)
    {
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out var found))
        {
            zone = found;
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), zone);
        return (long)(utc - DateTime.UnixEpoch).TotalMilliseconds;
    }

    private static long MonthsBetween(DateTime from, DateTime to)
    {
        var sign = to >= from ? 1 : -1;
        var (early, late) = sign > 0 ? (from, to) : (to, from);
        var months = ((late.Year - early.Year) * 12L) + late.Month - early.Month;
        if (early.AddMonths((int)months) > late)
        {
            months--;
        }

        return sign * months;
    }

    // US (NASD) 30/360, the method spreadsheets' DAYS360 uses by default.
    private static long Days360(DateTime start, DateTime end)
    {
        var startDay = start.Day == 31 || IsLastOfFebruary(start) ? 30 : start.Day;
        var endDay = end.Day == 31 && startDay >= 30 ? 30 : end.Day;
        return ((end.Year - start.Year) * 360L) + ((end.Month - start.Month) * 30L) + (endDay - startDay);
    }

    private static bool IsLastOfFebruary(DateTime date) => date.Month == 2 && date.Day == DateTime.DaysInMonth(date.Year, 2);
}
