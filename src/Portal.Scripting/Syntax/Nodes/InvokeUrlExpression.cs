using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax.Nodes;

/// <summary>The invokeUrl task with its validated keys; absent keys are null.</summary>
internal sealed class InvokeUrlExpression(TextSpan span) : ExpressionNode(ExpressionKind.InvokeUrl, span)
{
    public ExpressionNode? Url { get; init; }

    public ExpressionNode? Type { get; init; }

    public ExpressionNode? Headers { get; init; }

    public ExpressionNode? Parameters { get; init; }

    public ExpressionNode? Body { get; init; }

    public ExpressionNode? ContentType { get; init; }

    public ExpressionNode? Connection { get; init; }

    public ExpressionNode? Detailed { get; init; }

    /// <summary>Multipart parts: a list of maps {"paramName", "content", "stringPart"}.</summary>
    public ExpressionNode? Files { get; init; }
}
