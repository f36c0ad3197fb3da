using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>power, sqrt, exp, log, frac, signum, isOdd/isEven, toHex, toWords.</summary>
internal static class NumberMathMethods
{
    public static ScriptValue? Call(MethodId id, string name, ScriptValue target, decimal value, ScriptValue[] args)
    {
        switch (id)
        {
            case MethodId.Power:
                Args.Count(name, args, 1, 1);
                var exponent = Args.Number(name, args, 0);
                if (target is ScriptNumber whole && args[0] is ScriptNumber { Value: >= 0 and <= 64 } small)
                {
                    return IntegerPower(name, whole.Value, (int)small.Value);
                }

                return FromDouble(name, Math.Pow((double)value, (double)exponent));
            case MethodId.Sqrt:
                Args.Count(name, args, 0, 0);
                return value < 0
                    ? throw new ScriptRuntimeException($"sqrt() of a negative number ({value}) has no real answer; check the value first")
                    : FromDouble(name, Math.Sqrt((double)value));
            case MethodId.Exp:
                Args.Count(name, args, 0, 0);
                return FromDouble(name, Math.Exp((double)value));
            case MethodId.Log:
                Args.Count(name, args, 0, 0);
                return value <= 0
                    ? throw new ScriptRuntimeException($"log() needs a number above 0 but got {value}")
                    : FromDouble(name, Math.Log((double)value));
            case MethodId.Frac:
                Args.Count(name, args, 0, 0);
                return new ScriptDecimal(value - decimal.Truncate(value));
            case MethodId.Signum:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of(Math.Sign(value));
            case MethodId.IsOdd:
            case MethodId.IsEven:
                Args.Count(name, args, 0, 0);
                var isWhole = value == decimal.Truncate(value);
                var odd = isWhole && decimal.Remainder(value, 2) != 0;
                return Args.Bool(id == MethodId.IsOdd ? odd : isWhole && !odd);
            case MethodId.ToHex:
                Args.Count(name, args, 0, 0);
                return new ScriptText(checked((long)decimal.Truncate(value)).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            case MethodId.ToWords:
                Args.Count(name, args, 0, 0);
                return new ScriptText(NumberWords.Of(checked((long)decimal.Truncate(value))));
            default:
                return null;
        }
    }

    private static ScriptValue IntegerPower(string name, long value, int exponent)
    {
        try
        {
            var result = 1L;
            for (var i = 0; i < exponent; i++)
            {
                result = checked(result * value);
            }

            return ScriptNumber.Of(result);
        }
        catch (OverflowException)
        {
            return FromDouble(name, Math.Pow(value, exponent));
        }
    }

    private static ScriptDecimal FromDouble(string name, double result)
    {
        if (double.IsNaN(result) || double.IsInfinity(result) || Math.Abs(result) > 7.9e27)
        {
            throw new ScriptRuntimeException($"{name}() gives a result too large for a DECIMAL; use smaller numbers");
        }

        var dec = (decimal)result;
        return new ScriptDecimal(dec == decimal.Truncate(dec) ? decimal.Truncate(dec) : dec);
    }
}
