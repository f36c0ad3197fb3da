using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class UnaryExpression(UnaryOperator op, ExpressionNode operand, TextSpan span) : ExpressionNode(ExpressionKind.Unary, span)
{
    public UnaryOperator Operator { get; } = op;

    public ExpressionNode Operand { get; } = operand;
}
