using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax;

/// <summary>
/// Recursive-descent parser that reports every error it can find and recovers at statement boundaries.
/// An explicit nesting counter (SEC-25) stops hostile nesting long before the CLR stack is at risk.
/// </summary>
internal sealed partial class Parser : IDisposable
{
    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly Token[] _tokens;
    private readonly int _tokenCount;
    private readonly List<int> _lexErrors;
    private readonly int _maxNesting;
    private readonly Dictionary<string, int> _slots = new(StringComparer.OrdinalIgnoreCase);
    private int _position;
    private int _depth;
    private int _lastErrorPosition = -1;
    private bool _suppressSemicolon;
    private bool _inCondition;
    private int _statementStart;

    public Parser(SourceText source, DiagnosticBag diagnostics, int maxNesting)
    {
        _source = source;
        _diagnostics = diagnostics;
        _maxNesting = maxNesting;
        var lexer = new Lexer(source, diagnostics);
        (_tokens, _tokenCount) = lexer.LexAll();
        _lexErrors = lexer.LexErrorPositions;
        diagnostics.Placement = Place;
    }

    public IReadOnlyDictionary<string, int> Slots => _slots;

    private ref readonly Token Current => ref _tokens[_position];

    private ref readonly Token Previous => ref _tokens[Math.Max(0, _position - 1)];

    private ref readonly Token Peek(int offset) => ref _tokens[Math.Min(_position + offset, _tokenCount - 1)];

    public void Dispose()
    {
        _diagnostics.Placement = null;
        System.Buffers.ArrayPool<Token>.Shared.Return(_tokens, clearArray: true);
    }

    private bool HasLexError(int from, int to)
    {
        foreach (var position in _lexErrors)
        {
            if (position >= from && position < to)
            {
                return true;
            }
        }

        return false;
    }

    public BlockStatement ParseScript()
    {
        if (AtHeader())
        {
            return ParseFunction();
        }

        var statements = new List<StatementNode>();
        while (Current.Kind != TokenKind.EndOfFile)
        {
            var start = _position;
            if (Current.Kind == TokenKind.CloseBrace)
            {
                _diagnostics.ReportUnexpectedCloseBrace(Current.Span);
                _position++;
                continue;
            }

            var statement = ParseStatement();
            if (statement is not null)
            {
                statements.Add(statement);
            }

            if (_position == start)
            {
                _position++;
            }
        }

        return new BlockStatement([.. statements], new TextSpan(0, _source.Length));
    }

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.EndOfFile)
        {
            _position++;
        }

        return token;
    }

    private bool Match(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _position++;
        return true;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind == kind)
        {
            return Advance();
        }

        _diagnostics.ReportExpected(Current.Span, what, Describe(Current));
        return new Token(kind, Current.Start, 0, null);
    }

    // Where a parse error goes (DiagnosticBag.Placement): errors at the end of the file point just after the last real
    // token, where the fix goes; a second error at the same place is a cascade and dropped.
    private TextSpan? Place(TextSpan span)
    {
        if (span.Length == 0 && span.Start >= _source.Length && _position > 0)
        {
            span = new TextSpan(Previous.End, 0);
        }

        if (span.Start == _lastErrorPosition)
        {
            return null;
        }

        _lastErrorPosition = span.Start;
        return span;
    }

    private bool Enter(TextSpan span)
    {
        if (++_depth <= _maxNesting)
        {
            return true;
        }

        // Nesting this deep is hostile or generated; one clear error and stop parsing is better than a cascade.
        _diagnostics.ReportNestingTooDeep(span, _maxNesting);
        _diagnostics.Suppressed = true;
        _position = _tokenCount - 1;
        return false;
    }

    private void Leave() => _depth--;

    private string Describe(Token token) => token.Kind switch
    {
        TokenKind.EndOfFile => "the end of the script",
        TokenKind.StringLiteral => "text \"" + Truncate(token.Text) + "\"",
        TokenKind.Identifier => "'" + token.Text + "'",
        _ => "'" + Truncate(_source.Text.Substring(token.Start, token.Length)) + "'",
    };

    private static string Truncate(string text) => text.Length > 30 ? text[..30] + "…" : text;

    private int SlotFor(string name)
    {
        if (!_slots.TryGetValue(name, out var slot))
        {
            slot = _slots.Count;
            _slots[name] = slot;
        }

        return slot;
    }

    private int LineOf(int position) => _source.GetLine(position);

    private TextSpan SpanFrom(int start) => TextSpan.FromBounds(start, Previous.End);
}
