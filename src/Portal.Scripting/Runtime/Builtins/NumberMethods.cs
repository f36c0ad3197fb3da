using System.Globalization;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

internal static class NumberMethods
{
    public static ScriptValue? Call(MethodId id, string name, ScriptValue target, ScriptValue[] args)
    {
        var isInteger = target is ScriptNumber;
        var value = Operators.ToDecimal(target);
        switch (id)
        {
            case MethodId.Round:
                Args.Count(name, args, 0, 1);
                return Round(name, target, value, args.Length == 0 ? 0 : Args.Int32(name, args, 0));
            case MethodId.Abs:
                Args.Count(name, args, 0, 0);
                return isInteger ? ScriptNumber.Of(checked(Math.Abs(((ScriptNumber)target).Value))) : new ScriptDecimal(Math.Abs(value));
            case MethodId.Ceil:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of(checked((long)Math.Ceiling(value)));
            case MethodId.Floor:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of(checked((long)Math.Floor(value)));
            case MethodId.ToDecimal:
                Args.Count(name, args, 0, 0);
                return isInteger ? new ScriptDecimal(value) : target;
            case MethodId.ToLong:
            case MethodId.ToNumber:
                Args.Count(name, args, 0, 0);
                return isInteger ? target : ScriptNumber.Of(checked((long)decimal.Truncate(value)));
            case MethodId.ToString when args.Length == 1:
            case MethodId.ToText when args.Length == 1:
                return new ScriptText(Format(value, args[0] is ScriptText pattern ? pattern.Value : Evaluator.Short(args[0])));
            case MethodId.IsEmpty:
                return ScriptBoolean.False;
            default:
                return NumberMathMethods.Call(id, name, target, value, args);
        }
    }

    // Zoho: round(-1) rounds to tens, round(-2) to hundreds; halves round away from zero.
    private static ScriptValue Round(string name, ScriptValue target, decimal value, int places)
    {
        if (places is < -18 or > 28)
        {
            throw new ScriptRuntimeException($"{name}({places}) needs between -18 and 28 places");
        }

        if (places >= 0)
        {
            return target is ScriptNumber ? target : new ScriptDecimal(Math.Round(value, places, MidpointRounding.AwayFromZero));
        }

        var unit = Pow10(-places);
        var rounded = Math.Round(value / unit, 0, MidpointRounding.AwayFromZero) * unit;
        return target is ScriptNumber ? ScriptNumber.Of(checked((long)rounded)) : new ScriptDecimal(decimal.Truncate(rounded));
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    // Number patterns are .NET custom formats, which read "#,##0.00", "0%", "$#,##0.00" as Zoho (Java DecimalFormat) does.
    private static string Format(decimal value, string pattern)
    {
        if (pattern.Length is 0 or > 100)
        {
            throw new ScriptRuntimeException($"\"{pattern}\" is not a number pattern; use one like \"#,##0.00\", \"0%\" or \"$#,##0.00\"");
        }

        try
        {
            return value.ToString(pattern, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new ScriptRuntimeException($"\"{pattern}\" is not a number pattern; use one like \"#,##0.00\", \"0%\" or \"$#,##0.00\"");
        }
    }
}
