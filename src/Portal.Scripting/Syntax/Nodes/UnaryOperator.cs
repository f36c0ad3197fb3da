namespace Portal.Scripting.Syntax.Nodes;

internal enum UnaryOperator
{
    Not,
    Negate,
}
