namespace Portal.Scripting.Values;

/// <summary>A DATE-TIME; IsDateOnly values display without the time part.</summary>
public sealed class ScriptDateTime(DateTime value, bool isDateOnly) : ScriptValue
{
    public override ScriptValueKind Kind => ScriptValueKind.DateTime;

    public DateTime Value { get; } = value;

    public bool IsDateOnly { get; } = isDateOnly;
}
