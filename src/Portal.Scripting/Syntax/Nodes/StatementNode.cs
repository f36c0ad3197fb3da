using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal abstract class StatementNode(StatementKind kind, TextSpan span)
{
    public StatementKind Kind { get; } = kind;

    public TextSpan Span { get; } = span;
}
