using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

/// <summary>break or continue, told apart by Kind.</summary>
internal sealed class JumpStatement(StatementKind kind, TextSpan span) : StatementNode(kind, span);
