namespace Portal.Scripting.Values;

public sealed class ScriptNull : ScriptValue
{
    private ScriptNull()
        : base(ScriptValueKind.Null)
    {
    }

    public static ScriptNull Instance { get; } = new();
}
