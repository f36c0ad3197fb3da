using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

/// <summary>A call of a built-in global function (including constructors and zoho.encryption.*).</summary>
internal sealed class FunctionCallExpression(string name, GlobalFunctionId function, ExpressionNode[] arguments, TextSpan span)
    : ExpressionNode(ExpressionKind.FunctionCall, span)
{
    public string Name { get; } = name;

    public GlobalFunctionId Function { get; } = function;

    public ExpressionNode[] Arguments { get; } = arguments;

    /// <summary>For <see cref="GlobalFunctionId.MethodForm"/>: the method called on the first argument.</summary>
    public MethodId Method { get; init; }
}
