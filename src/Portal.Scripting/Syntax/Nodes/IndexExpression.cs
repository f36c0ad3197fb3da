using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class IndexExpression(ExpressionNode target, ExpressionNode index, TextSpan span) : ExpressionNode(ExpressionKind.Index, span)
{
    public ExpressionNode Target { get; } = target;

    public ExpressionNode Index { get; } = index;
}
