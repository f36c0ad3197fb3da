namespace Portal.Scripting.Syntax.Nodes;

internal enum ExpressionKind
{
    Literal,
    Variable,
    Unary,
    Binary,
    MapLiteral,
    ListLiteral,
    MethodCall,
    FunctionCall,
    HostCall,
    SystemValue,
    Index,
    InvokeUrl,
    Bad,
}
