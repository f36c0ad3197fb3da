using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

/// <summary>A method call on a value; the method id is resolved case-insensitively at parse time.</summary>
internal sealed class MethodCallExpression(ExpressionNode target, string name, MethodId method, ExpressionNode[] arguments, TextSpan nameSpan, TextSpan span)
    : ExpressionNode(ExpressionKind.MethodCall, span)
{
    public ExpressionNode Target { get; } = target;

    public string Name { get; } = name;

    public MethodId Method { get; } = method;

    public ExpressionNode[] Arguments { get; } = arguments;

    public TextSpan NameSpan { get; } = nameSpan;
}
