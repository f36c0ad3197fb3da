using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class IfStatement(ExpressionNode condition, BlockStatement then, StatementNode? elseBranch, TextSpan span)
    : StatementNode(StatementKind.If, span)
{
    public ExpressionNode Condition { get; } = condition;

    public BlockStatement Then { get; } = then;

    public StatementNode? Else { get; } = elseBranch;
}
