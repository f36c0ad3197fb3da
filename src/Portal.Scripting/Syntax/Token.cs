using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax;

/// <summary>A lexed token; Value holds the decoded literal or the identifier text.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, object? Value)
{
    public TextSpan Span => new(Start, Length);

    public int End => Start + Length;

    public string Text => Value as string ?? string.Empty;
}
