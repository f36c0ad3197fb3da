using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class BadExpression(TextSpan span) : ExpressionNode(ExpressionKind.Bad, span);
