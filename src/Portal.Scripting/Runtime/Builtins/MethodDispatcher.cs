using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>Routes a method call to the receiver type's table, then to methods every value has.</summary>
internal static class MethodDispatcher
{
    public static ScriptValue Call(RunState state, MethodId id, string name, ScriptValue target, ScriptValue[] args)
    {
        id = id == MethodId.ToText ? MethodId.ToString : id;
        var result = target switch
        {
            ScriptMap map => MapMethods.Call(state, id, name, map, args),
            ScriptList list => ListMethods.Call(state, id, name, list, args) ?? ListMoreMethods.Call(state, id, name, list, args),
            ScriptText text => TextMethods.Call(state, id, name, text.Value, args)
                ?? TextSearchMethods.Call(state, id, name, text.Value, args)
                ?? TextBuildMethods.Call(state, id, name, text.Value, args),
            ScriptNumber or ScriptDecimal => NumberMethods.Call(id, name, target, args),
            ScriptDateTime date => DateTimeCall(state, id, name, date, args),
            ScriptFile file => FileMethods.Call(state, id, name, file, args),
            _ => null,
        };
        result ??= Common(state, id, name, target, args);
        if (result is not null)
        {
            return result;
        }

        if (target is ScriptNull)
        {
            throw new ScriptRuntimeException($"cannot call {name}() on null; the value is null here — check it with isNull() first or use ifnull(value, default)");
        }

        throw new ScriptRuntimeException($"{target.TypeName} has no method '{name}'; see the built-in list for {target.TypeName} methods, or convert the value first");
    }

    // Date arithmetic near year 1 or 9999 must end as a script error, whichever method reached the edge.
    private static ScriptValue? DateTimeCall(RunState state, MethodId id, string name, ScriptDateTime date, ScriptValue[] args)
    {
        try
        {
            return DateTimeMethods.Call(state, id, name, date, args);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ScriptRuntimeException($"{name}() moves the date outside the years 1 to 9999");
        }
    }

    private static ScriptValue? Common(RunState state, MethodId id, string name, ScriptValue target, ScriptValue[] args)
    {
        switch (id)
        {
            case MethodId.ToString:
                Args.Count(name, args, 0, 0);
                return new ScriptText(state.Display(target));
            case MethodId.IsNull:
                Args.Count(name, args, 0, 0);
                return Args.Bool(IsNullOrEmptyText(target));
            case MethodId.IsEmpty when target is ScriptNull:
                return ScriptBoolean.True;
            case MethodId.IsNumber:
                return Args.Bool(target is ScriptNumber or ScriptDecimal);
            case MethodId.IsDate:
                Args.Count(name, args, 0, 0);
                return Args.Bool(target is ScriptDateTime || (target is ScriptText text && DateTimeText.TryParse(text.Value, out _)));
            case MethodId.IsText:
                return Args.Bool(target is ScriptText);
            case MethodId.IsFile:
                Args.Count(name, args, 0, 0);
                return Args.Bool(target is ScriptFile);
            case MethodId.ToFile when target is ScriptText or ScriptList or ScriptMap:
                return FileMethods.ToFile(state, name, target, args);
            default:
                return null;
        }
    }

    // Zoho documents isNull("") as true: empty text counts as null.
    public static bool IsNullOrEmptyText(ScriptValue value) => value is ScriptNull or ScriptText { Value.Length: 0 };
}
