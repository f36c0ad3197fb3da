using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

/// <summary>x = e, or a compound x op= e when Operator is set.</summary>
internal sealed class AssignmentStatement(string name, int slot, BinaryOperator? op, ExpressionNode value, TextSpan span)
    : StatementNode(StatementKind.Assignment, span)
{
    public string Name { get; } = name;

    public int Slot { get; } = slot;

    public BinaryOperator? Operator { get; } = op;

    public ExpressionNode Value { get; } = value;
}
