using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Syntax;

internal sealed partial class Parser
{
    private static readonly string[] SendMailKeys = ["from", "to", "cc", "bcc", "reply to", "subject", "message", "content type", "attachments"];
    private static readonly string[] SendMailListKeys = ["to", "cc", "bcc", "attachments"];

    private bool AtSendMail() =>
        Current.Kind == TokenKind.Identifier && Current.Text.Equals("sendmail", StringComparison.OrdinalIgnoreCase) && Peek(1).Kind == TokenKind.OpenBracket;

    private StatementNode ParseSendMail()
    {
        var keyword = Advance();
        var open = Advance();
        var values = new Dictionary<string, List<ExpressionNode>>(StringComparer.OrdinalIgnoreCase);
        if (!Enter(open.Span))
        {
            return new ExpressionStatement(new BadExpression(open.Span), open.Span);
        }

        var closed = false;
        while (Current.Kind != TokenKind.EndOfFile)
        {
            if (Match(TokenKind.CloseBracket))
            {
                closed = true;
                break;
            }

            if (Match(TokenKind.Comma))
            {
                continue;
            }

            if (!TryReadSendMailKey(out var key, out var keySpan))
            {
                _diagnostics.ReportExpectedSendMailKey(Current.Span, LineOf(Current.Start), SendMailKeys, LineOf(open.Start), Describe(Current));
                SkipToSendMailEnd();
                closed = true;
                Match(TokenKind.CloseBracket);
                break;
            }

            var items = ParseSendMailValues(key);
            if (Array.IndexOf(SendMailKeys, key) < 0)
            {
                _diagnostics.ReportUnknownSendMailKey(keySpan, key, SendMailKeys);
            }
            else if (!values.TryAdd(key, items))
            {
                _diagnostics.ReportDuplicateSendMailKey(keySpan, key);
            }
        }

        Leave();
        if (!closed)
        {
            _lastErrorPosition = -1;
            _diagnostics.ReportUnclosedSendMail(Current.Span, LineOf(open.Start));
        }

        foreach (var required in new[] { "to", "subject", "message" })
        {
            if (!values.ContainsKey(required))
            {
                _lastErrorPosition = -1;
                _diagnostics.ReportSendMailWithoutKey(keyword.Span, LineOf(open.Start), required);
            }
        }

        Match(TokenKind.Semicolon);
        var span = SpanFrom(keyword.Start);
        var bad = new BadExpression(span);
        return new SendMailStatement(span)
        {
            From = values.GetValueOrDefault("from")?[0],
            To = [.. values.GetValueOrDefault("to") ?? []],
            Cc = [.. values.GetValueOrDefault("cc") ?? []],
            Bcc = [.. values.GetValueOrDefault("bcc") ?? []],
            ReplyTo = values.GetValueOrDefault("reply to")?[0],
            Subject = values.GetValueOrDefault("subject")?[0] ?? bad,
            Message = values.GetValueOrDefault("message")?[0] ?? bad,
            ContentType = values.GetValueOrDefault("content type")?[0],
            Attachments = [.. values.GetValueOrDefault("attachments") ?? []],
        };
    }

    // "reply to" and "content type" are two words in Zoho's syntax; "reply-to"/"content-type" are tolerated too.
    private bool TryReadSendMailKey(out string key, out TextSpan span)
    {
        key = string.Empty;
        span = Current.Span;
        if (Current.Kind != TokenKind.Identifier)
        {
            return false;
        }

        var end = 1;
        var name = Current.Text.ToLowerInvariant();
        if (name is "reply" or "content" && Peek(1).Kind == TokenKind.Minus && Peek(2).Kind == TokenKind.Identifier)
        {
            end = 3;
        }

        if (name is "reply" or "content" && Peek(end).Kind == TokenKind.Identifier)
        {
            name += " " + Peek(end).Text.ToLowerInvariant();
            end++;
        }
        else if (end == 3)
        {
            name += " " + Peek(2).Text.ToLowerInvariant();
        }

        if (Peek(end).Kind != TokenKind.Colon)
        {
            return false;
        }

        span = TextSpan.FromBounds(Current.Start, Peek(end - 1).End);
        _position += end + 1;
        key = name;
        return true;
    }

    private List<ExpressionNode> ParseSendMailValues(string key)
    {
        var items = new List<ExpressionNode> { ParseSendMailValue(key) };
        if (Array.IndexOf(SendMailListKeys, key) < 0)
        {
            return items;
        }

        // to: "a@x.com", "b@x.com" — a comma followed by something other than the next key continues the list.
        while (Current.Kind == TokenKind.Comma && !(Peek(1).Kind == TokenKind.Identifier && IsSendMailKeyAt(1)) && Peek(1).Kind != TokenKind.CloseBracket)
        {
            Advance();
            items.Add(ParseSendMailValue(key));
        }

        return items;
    }

    private bool IsSendMailKeyAt(int offset)
    {
        var name = Peek(offset).Text;
        if (name.Equals("reply", StringComparison.OrdinalIgnoreCase) || name.Equals("content", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return Peek(offset + 1).Kind == TokenKind.Colon
            && !name.Equals("file", StringComparison.OrdinalIgnoreCase) && !name.Equals("template", StringComparison.OrdinalIgnoreCase);
    }

    private ExpressionNode ParseSendMailValue(string key)
    {
        if (key == "content type" && Current.Kind == TokenKind.Identifier && Peek(1).Kind is not (TokenKind.OpenParen or TokenKind.Dot))
        {
            // content type: HTML / plaintext, a bare word as Zoho writes it.
            var word = Advance();
            return new LiteralExpression(new ScriptText(word.Text), word.Span);
        }

        if (key == "attachments" && Current.Kind == TokenKind.Identifier && Current.Text is var kind
            && (kind.Equals("file", StringComparison.OrdinalIgnoreCase) || kind.Equals("template", StringComparison.OrdinalIgnoreCase))
            && Peek(1).Kind == TokenKind.Colon)
        {
            Advance();
            Advance();
        }

        return ParseExpression();
    }

    private void SkipToSendMailEnd()
    {
        while (Current.Kind is not (TokenKind.CloseBracket or TokenKind.EndOfFile or TokenKind.CloseBrace or TokenKind.Semicolon))
        {
            Advance();
        }
    }
}
