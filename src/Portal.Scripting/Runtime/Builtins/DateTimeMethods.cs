using System.Globalization;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

internal static class DateTimeMethods
{
    public static ScriptValue? Call(RunState state, MethodId id, string name, ScriptDateTime date, ScriptValue[] args)
    {
        var value = date.Value;
        switch (id)
        {
            case MethodId.AddDay: return Shift(name, args, date, n => value.AddDays(n));
            case MethodId.AddMonth: return Shift(name, args, date, n => value.AddMonths(checked((int)n)));
            case MethodId.AddYear: return Shift(name, args, date, n => value.AddYears(checked((int)n)));
            case MethodId.AddHour: return Shift(name, args, date, n => value.AddHours(n));
            case MethodId.AddMinute:
            case MethodId.AddMinutes: return Shift(name, args, date, n => value.AddMinutes(n));
            case MethodId.AddWeek: return Shift(name, args, date, n => value.AddDays(checked(n * 7)));
            case MethodId.SubWeek: return Shift(name, args, date, n => value.AddDays(checked(-n * 7)));
            case MethodId.AddSeconds: return Shift(name, args, date, n => value.AddSeconds(n));
            case MethodId.SubDay: return Shift(name, args, date, n => value.AddDays(-n));
            case MethodId.SubMonth: return Shift(name, args, date, n => value.AddMonths(checked((int)-n)));
            case MethodId.SubYear: return Shift(name, args, date, n => value.AddYears(checked((int)-n)));
            case MethodId.SubHour: return Shift(name, args, date, n => value.AddHours(-n));
            case MethodId.SubMinute:
            case MethodId.SubMinutes: return Shift(name, args, date, n => value.AddMinutes(-n));
            case MethodId.SubSeconds: return Shift(name, args, date, n => value.AddSeconds(-n));
            case MethodId.GetYear: return Part(name, args, value.Year);
            case MethodId.GetMonth: return Part(name, args, value.Month);
            case MethodId.GetDay: return Part(name, args, value.Day);
            case MethodId.GetHour: return Part(name, args, value.Hour);
            case MethodId.GetMinutes: return Part(name, args, value.Minute);
            case MethodId.GetSeconds: return Part(name, args, value.Second);
            case MethodId.ToString:
                Args.Count(name, args, 0, 2);
                if (args.Length == 0)
                {
                    return new ScriptText(ValueFormatter.FormatDate(date));
                }

                try
                {
                    var shown = args.Length == 2 ? InZone(state, value, Args.Text(state, args, 1)) : value;
                    return new ScriptText(shown.ToString(DateTimeText.ToDotNetPattern(Args.Text(state, args, 0)), CultureInfo.InvariantCulture));
                }
                catch (FormatException)
                {
                    throw new ScriptRuntimeException($"\"{Args.Text(state, args, 0)}\" is not a valid date pattern; use letters like yyyy-MM-dd'T'HH:mm:ss");
                }

            case MethodId.ToDate:
                Args.Count(name, args, 0, 0);
                return new ScriptDateTime(value.Date, true);
            case MethodId.ToDateTime:
            case MethodId.ToTime:
                Args.Count(name, args, 0, 0);
                return new ScriptDateTime(value, false);
            case MethodId.Edate:
                Args.Count(name, args, 1, 1);
                return Shift(name, args, date, n => value.AddMonths(checked((int)n)));
            case MethodId.DaysBetween:
                Args.Count(name, args, 1, 1);
                var other = OtherDate(name, args, 0);
                return ScriptNumber.Of((other.Value.Date - value.Date).Days);
            case MethodId.IsEmpty:
                return ScriptBoolean.False;
            default:
                return DateTimeMoreMethods.Call(state, id, name, date, args);
        }
    }

    // Zoho's toString(pattern, timeZone): the portal's wall-clock time shown in another TZ database zone.
    private static DateTime InZone(RunState state, DateTime value, string timeZone)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out var zone))
        {
            throw new ScriptRuntimeException($"\"{timeZone}\" is not a time zone; use a TZ database name like \"Europe/Paris\" or \"Asia/Kolkata\"");
        }

        return TimeZoneInfo.ConvertTime(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), state.Host.TimeProvider.LocalTimeZone, zone);
    }

    public static ScriptDateTime OtherDate(string name, ScriptValue[] args, int index) =>
        args[index] as ScriptDateTime
        ?? (args[index] is ScriptText text && DateTimeText.TryParse(text.Value, out var parsed) ? parsed : null)
        ?? throw new ScriptRuntimeException($"{name}() needs a DATE-TIME as argument {index + 1} but got {args[index].TypeName} ({Evaluator.Short(args[index])})");

    private static ScriptDateTime Shift(string name, ScriptValue[] args, ScriptDateTime date, Func<long, DateTime> shift)
    {
        Args.Count(name, args, 1, 1);
        var amount = Args.Integer(name, args, 0);
        try
        {
            return new ScriptDateTime(shift(amount), date.IsDateOnly);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new ScriptRuntimeException($"{name}({amount}) moves the date outside the years 1 to 9999");
        }
    }

    private static ScriptNumber Part(string name, ScriptValue[] args, int value)
    {
        Args.Count(name, args, 0, 0);
        return ScriptNumber.Of(value);
    }
}
