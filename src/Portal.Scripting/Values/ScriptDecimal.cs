namespace Portal.Scripting.Values;

public sealed class ScriptDecimal(decimal value) : ScriptValue
{
    public override ScriptValueKind Kind => ScriptValueKind.Decimal;

    public decimal Value { get; } = value;
}
