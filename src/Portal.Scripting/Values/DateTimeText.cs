using System.Globalization;
using System.Text;

namespace Portal.Scripting.Values;

/// <summary>Parses date literals/text and formats with Java/Deluge pattern letters.</summary>
internal static class DateTimeText
{
    private static readonly string[] DateFormats = ["dd-MMM-yyyy", "d-MMM-yyyy", "yyyy-MM-dd", "MM/dd/yyyy", "dd-MM-yyyy"];

    private static readonly string[] DateTimeFormats =
    [
        "dd-MMM-yyyy HH:mm:ss", "d-MMM-yyyy HH:mm:ss", "dd-MMM-yyyy HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss.fff", "MM/dd/yyyy HH:mm:ss", "dd-MMM-yyyy hh:mm:ss tt",
    ];

    // ISO date-times with an offset, as CRM APIs send them ("2022-07-20 17:21:37-05:00"); the wall-clock time is kept.
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fffzzz"];

    /// <summary>Parses text with a Java/Deluge pattern such as "dd-MM-yyyy"; false when it does not match.</summary>
    public static bool TryParseExact(string text, string pattern, out ScriptDateTime result)
    {
        var dotNet = ToDotNetPattern(pattern);
        if (DateTime.TryParseExact(text.Trim(), dotNet, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            var hasTime = pattern.IndexOfAny(['H', 'h', 'm', 's', 'a']) >= 0;
            result = new ScriptDateTime(value, !hasTime);
            return true;
        }

        result = null!;
        return false;
    }

    public static bool TryParse(string text, out ScriptDateTime result)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            result = new ScriptDateTime(date, true);
            return true;
        }

        if (DateTime.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            result = new ScriptDateTime(dateTime, false);
            return true;
        }

        if (DateTimeOffset.TryParseExact(trimmed, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            result = new ScriptDateTime(withOffset.DateTime, false);
            return true;
        }

        if (trimmed.Contains('T') && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset))
        {
            result = new ScriptDateTime(offset.DateTime, false);
            return true;
        }

        result = null!;
        return false;
    }

    /// <summary>Converts a Java SimpleDateFormat pattern to a .NET custom format string.</summary>
    public static string ToDotNetPattern(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 4);
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = pattern.IndexOf('\'', i + 1);
                end = end < 0 ? pattern.Length : end;
                builder.Append('\'').Append(pattern, i + 1, end - i - 1).Append('\'');
                i = end + 1;
                continue;
            }

            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            builder.Append(c switch
            {
                'y' or 'M' or 'd' or 'H' or 'h' or 'm' or 's' => new string(c, run),
                'a' => "tt",
                'E' => run >= 4 ? "dddd" : "ddd",
                'S' => new string('f', Math.Min(run, 7)),
                'Z' or 'X' or 'z' => "zzz",
                _ when char.IsLetter(c) => "'" + new string(c, run) + "'",
                '\\' or '"' or '%' => "\\" + new string(c, run),
                _ => new string(c, run),
            });
            i += run;
        }

        var result = builder.ToString();
        return result.Length == 1 ? "%" + result : result;
    }
}
