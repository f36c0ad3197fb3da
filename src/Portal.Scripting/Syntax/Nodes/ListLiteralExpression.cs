using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class ListLiteralExpression(ExpressionNode[] items, TextSpan span) : ExpressionNode(ExpressionKind.ListLiteral, span)
{
    public ExpressionNode[] Items { get; } = items;
}
