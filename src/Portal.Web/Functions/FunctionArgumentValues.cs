using System.Globalization;
using Portal.Scripting.Values;

namespace Portal.Web.Functions;

/// <summary>Turns what a user typed into an argument box into a script value of the declared type.</summary>
public static class FunctionArgumentValues
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "dd-MMM-yyyy", "dd-MMM-yyyy HH:mm:ss"];

    public static bool TryParse(string type, string? input, out ScriptValue value, out string? error)
    {
        value = ScriptValue.Null;
        error = null;
        input ??= string.Empty;
        if (type != FunctionArgumentTypes.Text && string.IsNullOrWhiteSpace(input))
        {
            return true;
        }

        switch (type)
        {
            case FunctionArgumentTypes.Text:
                value = ScriptValue.Text(input);
                return true;
            case FunctionArgumentTypes.Number when long.TryParse(input.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n):
                value = ScriptValue.Number(n);
                return true;
            case FunctionArgumentTypes.Decimal when decimal.TryParse(input.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d):
                value = ScriptValue.Decimal(d);
                return true;
            case FunctionArgumentTypes.Boolean when bool.TryParse(input.Trim(), out var b):
                value = ScriptValue.Bool(b);
                return true;
            case FunctionArgumentTypes.Date when DateTime.TryParseExact(input.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                value = ScriptValue.FromDateTime(date, dateOnly: date.TimeOfDay == TimeSpan.Zero && !input.Contains(':', StringComparison.Ordinal));
                return true;
            case FunctionArgumentTypes.Map or FunctionArgumentTypes.List:
                return TryParseJson(type, input, out value, out error);
            default:
                error = type switch
                {
                    FunctionArgumentTypes.Number => $"\"{input}\" is not a whole number; enter digits like 42.",
                    FunctionArgumentTypes.Decimal => $"\"{input}\" is not a decimal number; enter a value like 4.25.",
                    FunctionArgumentTypes.Boolean => "Enter true or false.",
                    FunctionArgumentTypes.Date => $"\"{input}\" is not a date; enter it like 2024-01-31 or 2024-01-31 09:30:00.",
                    _ => $"'{type}' is not an argument type; use text, number, decimal, boolean, date, map or list.",
                };
                return false;
        }
    }

    private static bool TryParseJson(string type, string input, out ScriptValue value, out string? error)
    {
        value = ScriptValue.Null;
        error = null;
        try
        {
            var parsed = ScriptValue.ParseJson(input);
            var expected = type == FunctionArgumentTypes.Map ? ScriptValueKind.Map : ScriptValueKind.List;
            if (parsed.Kind != expected)
            {
                error = type == FunctionArgumentTypes.Map ? "Enter a JSON object, like {\"name\": \"Ada\"}." : "Enter a JSON array, like [1, 2, 3].";
                return false;
            }

            value = parsed;
            return true;
        }
        catch (FormatException e)
        {
            error = $"This is not valid JSON ({e.Message}); check quotes and brackets.";
            return false;
        }
    }
}
