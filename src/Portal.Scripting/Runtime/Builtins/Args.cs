using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>Argument checks shared by built-ins; each failure names the method and what it expected.</summary>
internal static class Args
{
    public static void Count(string name, ScriptValue[] args, int min, int max)
    {
        if (args.Length < min || args.Length > max)
        {
            var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw new ScriptRuntimeException($"{name}() takes {expected} argument(s) but got {args.Length}");
        }
    }

    public static string Text(RunState state, ScriptValue[] args, int index) =>
        args[index] is ScriptText text ? text.Value : state.Display(args[index]);

    public static long Integer(string name, ScriptValue[] args, int index)
    {
        switch (args[index])
        {
            case ScriptNumber number:
                return number.Value;
            case ScriptDecimal dec when dec.Value == decimal.Truncate(dec.Value):
                return (long)dec.Value;
            case ScriptText text when long.TryParse(text.Value.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw new ScriptRuntimeException($"{name}() needs a whole NUMBER as argument {index + 1} but got {args[index].TypeName} ({Evaluator.Short(args[index])})");
        }
    }

    public static int Int32(string name, ScriptValue[] args, int index)
    {
        var value = Integer(name, args, index);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new ScriptRuntimeException($"{name}() argument {index + 1} ({value}) is out of range");
    }

    public static decimal Number(string name, ScriptValue[] args, int index) => args[index] switch
    {
        ScriptNumber number => number.Value,
        ScriptDecimal dec => dec.Value,
        ScriptText text when decimal.TryParse(text.Value.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new ScriptRuntimeException($"{name}() needs a number as argument {index + 1} but got {args[index].TypeName} ({Evaluator.Short(args[index])})"),
    };

    public static bool Boolean(string name, ScriptValue[] args, int index, bool fallback)
    {
        if (index >= args.Length)
        {
            return fallback;
        }

        return args[index] switch
        {
            ScriptBoolean boolean => boolean.Value,
            ScriptText text when bool.TryParse(text.Value, out var parsed) => parsed,
            _ => throw new ScriptRuntimeException($"{name}() needs true or false as argument {index + 1} but got {args[index].TypeName}"),
        };
    }

    public static ScriptList List(string name, ScriptValue[] args, int index) =>
        args[index] as ScriptList ?? throw new ScriptRuntimeException($"{name}() needs a LIST as argument {index + 1} but got {args[index].TypeName} ({Evaluator.Short(args[index])})");

    public static ScriptMap Map(string name, ScriptValue[] args, int index) =>
        args[index] as ScriptMap ?? throw new ScriptRuntimeException($"{name}() needs a MAP as argument {index + 1} but got {args[index].TypeName} ({Evaluator.Short(args[index])})");

    public static ScriptValue Bool(bool value) => value ? ScriptBoolean.True : ScriptBoolean.False;
}
