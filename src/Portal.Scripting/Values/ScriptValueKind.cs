namespace Portal.Scripting.Values;

public enum ScriptValueKind
{
    Null,
    Boolean,
    Number,
    Decimal,
    Text,
    DateTime,
    List,
    Map,
    File,
}
