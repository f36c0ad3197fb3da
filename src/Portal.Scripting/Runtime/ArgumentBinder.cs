using System.Globalization;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>Converts an argument to the type its function header declares (int "5" → 5), as Zoho does when it calls a function.</summary>
internal static class ArgumentBinder
{
    /// <summary>The converted value, or null when <paramref name="value"/> cannot be read as the declared type.</summary>
    public static ScriptValue? Convert(FunctionHeaderParameter parameter, ScriptValue value, ScriptLimits limits)
    {
        if (value is ScriptNull)
        {
            return value;
        }

        var text = value as ScriptText;
        switch (parameter.Type)
        {
            case "string" or "text":
                return value is ScriptText ? value : new ScriptText(ValueFormatter.ToDisplayString(value, limits.MaxTextLength));
            case "int" or "long" or "bigint" or "number":
                return value switch
                {
                    ScriptNumber => value,
                    ScriptDecimal d when d.Value == decimal.Truncate(d.Value) && d.Value is >= long.MinValue and <= long.MaxValue => ScriptNumber.Of((long)d.Value),
                    ScriptText when long.TryParse(text!.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => ScriptNumber.Of(n),
                    _ => null,
                };
            case "decimal" or "float" or "double":
                return value switch
                {
                    ScriptDecimal => value,
                    ScriptNumber n => new ScriptDecimal(n.Value),
                    ScriptText when decimal.TryParse(text!.Value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => new ScriptDecimal(d),
                    _ => null,
                };
            case "bool" or "boolean":
                return value switch
                {
                    ScriptBoolean => value,
                    ScriptText when bool.TryParse(text!.Value.Trim(), out var b) => ScriptValue.Bool(b),
                    _ => null,
                };
            case "date" or "datetime":
                return value switch
                {
                    ScriptDateTime => value,
                    ScriptText when DateTimeText.TryParse(text!.Value.Trim(), out var date) => date,
                    _ => null,
                };
            case "map":
                return value is ScriptMap ? value : ParseJson(text, '{');
            case "list":
                return value is ScriptList ? value : ParseJson(text, '[');
            default:
                return value;
        }
    }

    /// <summary>Why <paramref name="value"/> does not fit, naming the argument and its type, and what to pass instead.</summary>
    public static string Describe(FunctionHeaderParameter parameter, ScriptValue value)
    {
        var shown = value is ScriptText t ? "\"" + (t.Value.Length > 40 ? t.Value[..40] + "…" : t.Value) + "\"" : Evaluator.Short(value);
        var expected = parameter.Type switch
        {
            "int" or "long" or "bigint" or "number" => "a whole number such as 5",
            "decimal" or "float" or "double" => "a number such as 2.5",
            "bool" or "boolean" => "true or false",
            "date" or "datetime" => "a date such as 31-Jan-2024 or 2024-01-31",
            "map" => "a JSON object such as {\"a\":1}",
            "list" => "a JSON array such as [1,2]",
            _ => "a value of that type",
        };
        return $"argument '{parameter.Name}' is declared {parameter.Type} but got {shown} ({value.TypeName}); pass {expected}";
    }

    private static ScriptValue? ParseJson(ScriptText? text, char opener)
    {
        if (text is null || !text.Value.TrimStart().StartsWith(opener))
        {
            return null;
        }

        try
        {
            return ScriptValue.ParseJson(text.Value);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
