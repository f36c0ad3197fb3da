namespace Portal.Scripting.Catalog;

/// <summary>What a built-in is called on: a value kind, nothing (global), or the language itself.</summary>
public enum BuiltinReceiver
{
    Global,
    Map,
    List,
    Text,
    Number,
    DateTime,
    File,
    Any,
    Keyword,
    Task,
    SystemValue,
}
