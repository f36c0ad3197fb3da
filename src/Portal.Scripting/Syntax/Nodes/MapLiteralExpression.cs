using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class MapLiteralExpression(ExpressionNode[] keys, ExpressionNode[] values, TextSpan span) : ExpressionNode(ExpressionKind.MapLiteral, span)
{
    public ExpressionNode[] Keys { get; } = keys;

    public ExpressionNode[] Values { get; } = values;
}
