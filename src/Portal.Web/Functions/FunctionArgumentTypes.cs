namespace Portal.Web.Functions;

public static class FunctionArgumentTypes
{
    public const string Text = "text";
    public const string Number = "number";
    public const string Decimal = "decimal";
    public const string Boolean = "boolean";
    public const string Date = "date";
    public const string Map = "map";
    public const string List = "list";

    public static IReadOnlyList<string> All { get; } = [Text, Number, Decimal, Boolean, Date, Map, List];
}
