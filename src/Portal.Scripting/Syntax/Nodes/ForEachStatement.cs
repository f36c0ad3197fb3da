using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

/// <summary>for each item in x { } or, with IsIndex, for each index i in list { }.</summary>
internal sealed class ForEachStatement(string variable, int slot, bool isIndex, ExpressionNode collection, BlockStatement body, TextSpan span)
    : StatementNode(StatementKind.ForEach, span)
{
    public string Variable { get; } = variable;

    public int Slot { get; } = slot;

    public bool IsIndex { get; } = isIndex;

    public ExpressionNode Collection { get; } = collection;

    public BlockStatement Body { get; } = body;
}
