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
                var places = args.Length == 0 ? 0 : Args.Int32(name, args, 0);
                if (places is < 0 or > 28)
                {
                    throw new ScriptRuntimeException($"round({places}) needs between 0 and 28 decimal places");
                }

                return isInteger ? target : new ScriptDecimal(Math.Round(value, places, MidpointRounding.AwayFromZero));
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
            case MethodId.IsEmpty:
                return ScriptBoolean.False;
            default:
                return null;
        }
    }
}
