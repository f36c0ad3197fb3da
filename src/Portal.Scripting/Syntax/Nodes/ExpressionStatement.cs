using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class ExpressionStatement(ExpressionNode expression, TextSpan span) : StatementNode(StatementKind.Expression, span)
{
    public ExpressionNode Expression { get; } = expression;
}
