namespace Portal.Scripting.Values;

public sealed class ScriptNull : ScriptValue
{
    public override ScriptValueKind Kind => ScriptValueKind.Null;

    private ScriptNull()
    {
    }

    public static ScriptNull Instance { get; } = new();
}
