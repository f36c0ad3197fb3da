namespace Portal.Scripting.Values;

public sealed class ScriptBoolean : ScriptValue
{
    private ScriptBoolean(bool value)
        : base(ScriptValueKind.Boolean) => Value = value;

    public static new ScriptBoolean True { get; } = new(true);

    public static new ScriptBoolean False { get; } = new(false);

    public bool Value { get; }
}
