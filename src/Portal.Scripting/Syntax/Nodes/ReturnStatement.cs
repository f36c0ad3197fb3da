using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class ReturnStatement(ExpressionNode? value, TextSpan span) : StatementNode(StatementKind.Return, span)
{
    public ExpressionNode? Value { get; } = value;
}
