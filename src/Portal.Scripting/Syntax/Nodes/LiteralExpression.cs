using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class LiteralExpression(ScriptValue value, TextSpan span) : ExpressionNode(ExpressionKind.Literal, span)
{
    public ScriptValue Value { get; } = value;
}
