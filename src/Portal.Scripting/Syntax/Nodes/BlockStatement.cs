using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class BlockStatement(StatementNode[] statements, TextSpan span) : StatementNode(StatementKind.Block, span)
{
    public StatementNode[] Statements { get; } = statements;
}
