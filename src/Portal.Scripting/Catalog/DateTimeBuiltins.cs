namespace Portal.Scripting.Catalog;

/// <summary>DATE-TIME methods; business-day methods skip Saturday and Sunday unless a weekend list is given.</summary>
internal static class DateTimeBuiltins
{
    public static void Declare(CatalogBuilder b)
    {
        const BuiltinReceiver D = BuiltinReceiver.DateTime;
        foreach (var (unit, plural, example, result) in new[]
                 {
                     ("Day", "days", "'31-Jan-2024'.addDay(1)", "01-Feb-2024"),
                     ("Week", "weeks", "'01-Jan-2024'.addWeek(2)", "15-Jan-2024"),
                     ("Month", "months", "'31-Jan-2024'.addMonth(1)", "29-Feb-2024"),
                     ("Year", "years", "'29-Feb-2024'.addYear(1)", "28-Feb-2025"),
                     ("Hour", "hours", "'01-Jan-2024 10:00:00'.addHour(3)", "01-Jan-2024 13:00:00"),
                     ("Minute", "minutes", "'01-Jan-2024 10:00:00'.addMinute(90)", "01-Jan-2024 11:30:00"),
                     ("Minutes", "minutes", "'01-Jan-2024 10:00:00'.addMinutes(5)", "01-Jan-2024 10:05:00"),
                     ("Seconds", "seconds", "'01-Jan-2024 10:00:00'.addSeconds(30)", "01-Jan-2024 10:00:30"),
                 })
        {
            b.Method(D, $"add{unit}(count)", "DATE-TIME", $"The date-time plus count {plural}.", example, result);
            b.Method(D, $"sub{unit}(count)", "DATE-TIME", $"The date-time minus count {plural}.", example.Replace("add", "sub", StringComparison.Ordinal).Replace("(90)", "(0)", StringComparison.Ordinal), SubResult(unit));
        }

        b.Method(D, "addBusinessDay(count, weekends?, holidays?)", "DATE-TIME", "Adds count business days, skipping weekends (default Saturday, Sunday) and the holiday dates.", "'05-Jan-2024'.addBusinessDay(1)", "08-Jan-2024");
        b.Method(D, "subBusinessDay(count, weekends?, holidays?)", "DATE-TIME", "Subtracts count business days.", "'08-Jan-2024'.subBusinessDay(1)", "05-Jan-2024");
        b.Method(D, "workday(count, weekends?, holidays?)", "DATE-TIME", "Same as addBusinessDay.", "'05-Jan-2024'.workday(2)", "09-Jan-2024");
        b.Method(D, "addBusinessHour(hours, weekends?, holidays?, businessHours?)", "DATE-TIME", "Adds business hours (decimals: 0.1 is one minute, as Zoho documents); business hours default to 09:00-18:00, or a map {\"start\":\"08:00\",\"end\":\"16:00\"}.", "'05-Jan-2024 17:00:00'.addBusinessHour(2)", "08-Jan-2024 10:00:00");
        b.Method(D, "nextWeekDay(day)", "DATE-TIME", "The next date after this one that falls on the named day (Sunday … Saturday).", "'20-Jul-2021'.nextWeekDay(\"Tuesday\")", "27-Jul-2021");
        b.Method(D, "getYear()", "NUMBER", "The year.", "'15-Aug-1947'.getYear()", "1947");
        b.Method(D, "getMonth()", "NUMBER", "The month, 1 to 12.", "'15-Aug-1947'.getMonth()", "8");
        b.Method(D, "getDay()", "NUMBER", "The day of the month.", "'15-Aug-1947'.getDay()", "15");
        b.Method(D, "getHour()", "NUMBER", "The hour, 0 to 23.", "'15-Aug-1947 19:05:30'.getHour()", "19");
        b.Method(D, "getMinutes()", "NUMBER", "The minutes.", "'15-Aug-1947 19:05:30'.getMinutes()", "5");
        b.Method(D, "getSeconds()", "NUMBER", "The seconds.", "'15-Aug-1947 19:05:30'.getSeconds()", "30");
        b.Method(D, "getDayOfWeek()", "NUMBER", "The day of the week, 1 (Sunday) to 7 (Saturday).", "'20-Jul-2021'.getDayOfWeek()", "3");
        b.Method(D, "weekday()", "NUMBER", "The day of the week, 1 (Sunday) to 7 (Saturday).", "'20-Jul-2021'.weekday()", "3");
        b.Method(D, "getDayOfYear()", "NUMBER", "The day of the year, 1 to 366.", "'01-Feb-2024'.getDayOfYear()", "32");
        b.Method(D, "getWeekOfYear()", "NUMBER", "The week of the year, weeks starting on Sunday and week 1 holding 1 January.", "'08-Jan-2024'.getWeekOfYear()", "2");
        b.Method(D, "toString(pattern?, timeZone?)", "TEXT", "Formats with Java letters, e.g. \"yyyy-MM-dd'T'HH:mm:ss\", optionally shown in a TZ database zone.", "'15-Aug-1947'.toString(\"yyyy-MM-dd\")", "1947-08-15");
        b.Method(D, "toDate()", "DATE-TIME", "The date without the time.", "'15-Aug-1947 19:00:00'.toDate()", "15-Aug-1947");
        b.Method(D, "toDateTime()", "DATE-TIME", "The value as a date-time.", "'15-Aug-1947'.toDateTime()", "15-Aug-1947 00:00:00");
        b.Method(D, "toTime()", "DATE-TIME", "The value as a date-time.", "'15-Aug-1947'.toTime()", "15-Aug-1947 00:00:00");
        b.Method(D, "toStartOfMonth()", "DATE-TIME", "The first day of the month.", "'15-Aug-1947'.toStartOfMonth()", "01-Aug-1947");
        b.Method(D, "edate(months)", "DATE-TIME", "The same day months later (or earlier when negative), clamped to the month's end.", "'31-Jan-2024'.edate(1)", "29-Feb-2024");
        b.Method(D, "eomonth(months)", "DATE-TIME", "The last day of the month that is months away (0 for this month).", "'15-Jan-2024'.eomonth(1)", "29-Feb-2024");
        b.Method(D, "daysBetween(otherDate)", "NUMBER", "Whole days from this date to the other.", "'01-Jan-2024'.daysBetween('31-Jan-2024')", "30");
        b.Method(D, "days360(otherDate)", "NUMBER", "Days between the dates on a 360-day year (US method).", "'01-Jan-2024'.days360('01-Mar-2024')", "60");
        b.Method(D, "hoursBetween(otherDate)", "NUMBER", "Whole hours from this date-time to the other.", "'01-Jan-2024 08:00:00'.hoursBetween('01-Jan-2024 20:30:00')", "12");
        b.Method(D, "minutesBetween(otherDate)", "NUMBER", "Whole minutes from this date-time to the other.", "'01-Jan-2024 08:00:00'.minutesBetween('01-Jan-2024 08:45:00')", "45");
        b.Method(D, "monthsBetween(otherDate)", "NUMBER", "Whole months from this date to the other.", "'15-Jan-2024'.monthsBetween('14-Apr-2024')", "2");
        b.Method(D, "yearsBetween(otherDate)", "NUMBER", "Whole years from this date to the other.", "'15-Jan-2020'.yearsBetween('15-Jan-2024')", "4");
        b.Method(D, "workDaysBetween(otherDate, weekends?, holidays?)", "NUMBER", "Business days from this date to the other, both included.", "'01-Jan-2024'.workDaysBetween('07-Jan-2024')", "5");
        b.Method(D, "unixEpoch(timeZone?)", "NUMBER", "Milliseconds since 1 January 1970 00:00 UTC, the date-time read in the time zone (a TZ database name; GMT when absent or unknown).", "'02-Jan-1970'.unixEpoch()", "86400000");
        b.Method(D, "isEmpty()", "BOOLEAN", "Always false for a date-time.", "'02-Jan-1970'.isEmpty()", "false");
    }

    private static string SubResult(string unit) => unit switch
    {
        "Day" => "30-Jan-2024",
        "Week" => "18-Dec-2023",
        "Month" => "31-Dec-2023",
        "Year" => "28-Feb-2023",
        "Hour" => "01-Jan-2024 07:00:00",
        "Minute" => "01-Jan-2024 10:00:00",
        "Minutes" => "01-Jan-2024 09:55:00",
        _ => "01-Jan-2024 09:59:30",
    };
}
