using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class SystemValueExpression(string qualifiedName, TextSpan span) : ExpressionNode(ExpressionKind.SystemValue, span)
{
    public string QualifiedName { get; } = qualifiedName;
}
