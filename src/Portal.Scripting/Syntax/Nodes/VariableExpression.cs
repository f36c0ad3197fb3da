using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

/// <summary>A variable read; Slot is resolved at parse time so runs index an array instead of hashing names.</summary>
internal sealed class VariableExpression(string name, int slot, TextSpan span) : ExpressionNode(ExpressionKind.Variable, span)
{
    public string Name { get; } = name;

    public int Slot { get; } = slot;
}
