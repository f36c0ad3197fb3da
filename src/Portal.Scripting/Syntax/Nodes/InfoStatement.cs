using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class InfoStatement(ExpressionNode value, TextSpan span) : StatementNode(StatementKind.Info, span)
{
    public ExpressionNode Value { get; } = value;
}
