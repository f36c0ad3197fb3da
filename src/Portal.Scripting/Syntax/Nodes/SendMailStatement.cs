using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

/// <summary>The sendmail task with its validated keys; address keys may hold several comma-separated expressions.</summary>
internal sealed class SendMailStatement(TextSpan span) : StatementNode(StatementKind.SendMail, span)
{
    public ExpressionNode? From { get; init; }

    public ExpressionNode[] To { get; init; } = [];

    public ExpressionNode[] Cc { get; init; } = [];

    public ExpressionNode[] Bcc { get; init; } = [];

    public ExpressionNode? ReplyTo { get; init; }

    public required ExpressionNode Subject { get; init; }

    public required ExpressionNode Message { get; init; }

    public ExpressionNode? ContentType { get; init; }

    public ExpressionNode[] Attachments { get; init; } = [];
}
