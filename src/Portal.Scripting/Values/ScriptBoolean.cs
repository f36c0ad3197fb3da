namespace Portal.Scripting.Values;

public sealed class ScriptBoolean : ScriptValue
{
    public override ScriptValueKind Kind => ScriptValueKind.Boolean;

    private ScriptBoolean(bool value) => Value = value;

    public static new ScriptBoolean True { get; } = new(true);

    public static new ScriptBoolean False { get; } = new(false);

    public bool Value { get; }
}
