using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

internal sealed class TryStatement(BlockStatement body, int catchSlot, BlockStatement handler, TextSpan span) : StatementNode(StatementKind.Try, span)
{
    public BlockStatement Body { get; } = body;

    public int CatchSlot { get; } = catchSlot;

    public BlockStatement Handler { get; } = handler;
}
