namespace Portal.Scripting.Values;

public sealed class ScriptDecimal(decimal value) : ScriptValue(ScriptValueKind.Decimal)
{
    public decimal Value { get; } = value;
}
