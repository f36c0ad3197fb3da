using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class BinaryExpression(BinaryOperator op, ExpressionNode left, ExpressionNode right, TextSpan operatorSpan, TextSpan span)
    : ExpressionNode(ExpressionKind.Binary, span)
{
    public BinaryOperator Operator { get; } = op;

    public ExpressionNode Left { get; } = left;

    public ExpressionNode Right { get; } = right;

    public TextSpan OperatorSpan { get; } = operatorSpan;
}
