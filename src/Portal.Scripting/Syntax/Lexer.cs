using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax;

/// <summary>Turns source text into tokens; iterative, so no input can exhaust the stack.</summary>
internal sealed class Lexer(SourceText source, DiagnosticBag diagnostics)
{
    private static readonly FrozenDictionary<string, TokenKind> Keywords = new Dictionary<string, TokenKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = TokenKind.TrueKeyword,
        ["false"] = TokenKind.FalseKeyword,
        ["null"] = TokenKind.NullKeyword,
        ["if"] = TokenKind.IfKeyword,
        ["else"] = TokenKind.ElseKeyword,
        ["for"] = TokenKind.ForKeyword,
        ["info"] = TokenKind.InfoKeyword,
        ["return"] = TokenKind.ReturnKeyword,
        ["try"] = TokenKind.TryKeyword,
        ["catch"] = TokenKind.CatchKeyword,
        ["break"] = TokenKind.BreakKeyword,
        ["continue"] = TokenKind.ContinueKeyword,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly string _text = source.Text;
    private readonly Dictionary<string, string> _identifiers = new(StringComparer.Ordinal);
    private int _position;

    /// <summary>Lexes everything into a pooled array (large scripts would otherwise put a fresh array on the LOH per keystroke).</summary>
    public (Token[] Tokens, int Count) LexAll()
    {
        var tokens = ArrayPool<Token>.Shared.Rent(Math.Max(16, _text.Length / 5));
        var count = 0;
        while (true)
        {
            var token = Next();
            if (token.Kind == TokenKind.Bad)
            {
                LexErrorPositions.Add(token.Start);
                continue;
            }

            if (count == tokens.Length)
            {
                var larger = ArrayPool<Token>.Shared.Rent(tokens.Length * 2);
                Array.Copy(tokens, larger, count);
                ArrayPool<Token>.Shared.Return(tokens, clearArray: true);
                tokens = larger;
            }

            tokens[count++] = token;
            if (token.Kind == TokenKind.EndOfFile)
            {
                return (tokens, count);
            }
        }
    }

    /// <summary>Start positions of lexical errors, so the parser can avoid follow-on errors in the same statement.</summary>
    public List<int> LexErrorPositions { get; } = [];

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private char Peek(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private Token Next()
    {
        SkipTrivia();
        var start = _position;
        if (_position >= _text.Length)
        {
            return new Token(TokenKind.EndOfFile, _text.Length, 0, null);
        }

        var c = Current;
        if (char.IsLetter(c) || c == '_' || c == '$')
        {
            return ReadIdentifier();
        }

        if (char.IsAsciiDigit(c))
        {
            return ReadNumber();
        }

        switch (c)
        {
            case '"': return ReadString();
            case '\'': return ReadDate();
            case '(': return Single(TokenKind.OpenParen);
            case ')': return Single(TokenKind.CloseParen);
            case '{': return Single(TokenKind.OpenBrace);
            case '}': return Single(TokenKind.CloseBrace);
            case '[': return Single(TokenKind.OpenBracket);
            case ']': return Single(TokenKind.CloseBracket);
            case ',': return Single(TokenKind.Comma);
            case ';': return Single(TokenKind.Semicolon);
            case ':': return Single(TokenKind.Colon);
            case '.': return Single(TokenKind.Dot);
            case '+': return Pair('=', TokenKind.PlusEquals, TokenKind.Plus);
            case '-': return Pair('=', TokenKind.MinusEquals, TokenKind.Minus);
            case '*': return Pair('=', TokenKind.StarEquals, TokenKind.Star);
            case '/': return Pair('=', TokenKind.SlashEquals, TokenKind.Slash);
            case '%': return Pair('=', TokenKind.PercentEquals, TokenKind.Percent);
            case '!': return Pair('=', TokenKind.BangEquals, TokenKind.Bang);
            case '=': return Pair('=', TokenKind.EqualsEquals, TokenKind.Equals);
            case '<': return Pair('=', TokenKind.LessEquals, TokenKind.Less);
            case '>': return Pair('=', TokenKind.GreaterEquals, TokenKind.Greater);
            case '&' when Peek(1) == '&':
                _position += 2;
                return new Token(TokenKind.AmpAmp, start, 2, null);
            case '|' when Peek(1) == '|':
                _position += 2;
                return new Token(TokenKind.PipePipe, start, 2, null);
        }

        _position++;
        diagnostics.ReportUnexpectedCharacter(new TextSpan(start, 1), c);
        return new Token(TokenKind.Bad, start, 1, null);
    }

    private static bool IsKeywordStart(char c) => (c | 0x20) is 't' or 'f' or 'n' or 'i' or 'e' or 'r' or 'c' or 'b';

    private Token Single(TokenKind kind)
    {
        _position++;
        return new Token(kind, _position - 1, 1, null);
    }

    private Token Pair(char second, TokenKind pairKind, TokenKind singleKind)
    {
        var start = _position;
        if (Peek(1) == second)
        {
            _position += 2;
            return new Token(pairKind, start, 2, null);
        }

        _position++;
        return new Token(singleKind, start, 1, null);
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var start = _position;
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    diagnostics.ReportUnclosedComment(new TextSpan(start, 2));
                    _position = _text.Length;
                }
                else
                {
                    _position = end + 2;
                }
            }
            else
            {
                return;
            }
        }
    }

    private Token ReadIdentifier()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_' || _text[_position] == '$'))
        {
            _position++;
        }

        var lookup = _identifiers.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = _text.AsSpan(start, _position - start);
        if (!lookup.TryGetValue(span, out var text))
        {
            text = span.ToString();
            _identifiers[text] = text;
        }

        var kind = text.Length is >= 2 and <= 8 && IsKeywordStart(text[0]) && Keywords.TryGetValue(text, out var keyword) ? keyword : TokenKind.Identifier;
        return new Token(kind, start, _position - start, text);
    }

    private Token ReadNumber()
    {
        var start = _position;
        while (char.IsAsciiDigit(Current))
        {
            _position++;
        }

        var isDecimal = false;
        if (Current == '.' && char.IsAsciiDigit(Peek(1)))
        {
            isDecimal = true;
            _position++;
            while (char.IsAsciiDigit(Current))
            {
                _position++;
            }
        }

        var span = _text.AsSpan(start, _position - start);
        if (!isDecimal && long.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return new Token(TokenKind.NumberLiteral, start, span.Length, number);
        }

        if (decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dec))
        {
            return new Token(TokenKind.DecimalLiteral, start, span.Length, dec);
        }

        diagnostics.ReportNumberTooLarge(new TextSpan(start, span.Length), span.ToString());
        return new Token(TokenKind.NumberLiteral, start, span.Length, 0L);
    }

    private Token ReadString()
    {
        var start = _position;
        _position++;
        var plainEnd = _text.AsSpan(_position).IndexOfAny('"', '\\', '\n');
        if (plainEnd >= 0 && _text[_position + plainEnd] == '"')
        {
            // Fast path: no escapes, so the literal is a plain slice of the source.
            var value = _text.Substring(_position, plainEnd);
            _position += plainEnd + 1;
            return new Token(TokenKind.StringLiteral, start, _position - start, value);
        }

        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length || Current == '\n')
            {
                diagnostics.ReportUnclosedText(new TextSpan(start, 1));
                LexErrorPositions.Add(start);
                break;
            }

            var c = Current;
            if (c == '"')
            {
                _position++;
                break;
            }

            if (c == '\\')
            {
                var escape = Peek(1);
                _position += 2;
                switch (escape)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '\'': builder.Append('\''); break;
                    default:
                        builder.Append('\\');
                        if (escape != '\0')
                        {
                            builder.Append(escape);
                        }

                        break;
                }

                continue;
            }

            builder.Append(c);
            _position++;
        }

        return new Token(TokenKind.StringLiteral, start, _position - start, builder.ToString());
    }

    private Token ReadDate()
    {
        var start = _position;
        var end = _text.IndexOf('\'', _position + 1);
        var newline = _text.IndexOf('\n', _position + 1);
        if (end < 0 || (newline >= 0 && newline < end))
        {
            diagnostics.ReportUnclosedDate(new TextSpan(start, 1));
            LexErrorPositions.Add(start);
            _position = newline < 0 ? _text.Length : newline;
            return new Token(TokenKind.DateLiteral, start, _position - start, string.Empty);
        }

        _position = end + 1;
        return new Token(TokenKind.DateLiteral, start, _position - start, _text.Substring(start + 1, end - start - 1));
    }
}
