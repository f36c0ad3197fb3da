using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

/// <summary>A namespace-qualified call the host resolves: standalone.fn(…) or an integration task like zoho.crm.getRecords(…).</summary>
internal sealed class HostCallExpression(string qualifiedName, bool isStandalone, ExpressionNode[] arguments, TextSpan span)
    : ExpressionNode(ExpressionKind.HostCall, span)
{
    public string QualifiedName { get; } = qualifiedName;

    public bool IsStandalone { get; } = isStandalone;

    public ExpressionNode[] Arguments { get; } = arguments;
}
