using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal abstract class ExpressionNode(ExpressionKind kind, TextSpan span)
{
    public ExpressionKind Kind { get; } = kind;

    public TextSpan Span { get; } = span;
}
