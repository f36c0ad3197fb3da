using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Syntax;

internal sealed partial class Parser
{
    private static readonly string[] InvokeUrlKeys = ["url", "type", "headers", "parameters", "body", "content-type", "connection", "detailed", "files"];
    private static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private ExpressionNode ParseInvokeUrl(Token keyword)
    {
        var open = Advance();
        var values = new Dictionary<string, ExpressionNode>(StringComparer.OrdinalIgnoreCase);
        if (!Enter(open.Span))
        {
            return new BadExpression(open.Span);
        }

        while (true)
        {
            if (Match(TokenKind.CloseBracket))
            {
                break;
            }

            if (Match(TokenKind.Comma))
            {
                continue;
            }

            if (!TryReadInvokeUrlKey(out var key, out var keySpan))
            {
                var found = Current;
                _lastErrorPosition = -1;
                _diagnostics.ReportUnclosedInvokeUrl(found.Span, LineOf(found.Start), LineOf(open.Start), Describe(found));
                _suppressSemicolon = true;
                break;
            }

            Expect(TokenKind.Colon, $"':' after '{key}'");
            var value = key.Equals("type", StringComparison.OrdinalIgnoreCase) ? ParseHttpMethod() : ParseExpression();
            if (Array.FindIndex(InvokeUrlKeys, k => k.Equals(key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                _diagnostics.ReportUnknownInvokeUrlKey(keySpan, key, InvokeUrlKeys);
            }
            else if (!values.TryAdd(key, value))
            {
                _diagnostics.ReportDuplicateInvokeUrlKey(keySpan, key);
            }
        }

        Leave();
        if (!values.ContainsKey("url"))
        {
            _lastErrorPosition = -1;
            _diagnostics.ReportInvokeUrlWithoutUrl(open.Span, LineOf(open.Start));
        }

        return new InvokeUrlExpression(SpanFrom(keyword.Start))
        {
            Url = values.GetValueOrDefault("url"),
            Type = values.GetValueOrDefault("type"),
            Headers = values.GetValueOrDefault("headers"),
            Parameters = values.GetValueOrDefault("parameters"),
            Body = values.GetValueOrDefault("body"),
            ContentType = values.GetValueOrDefault("content-type"),
            Connection = values.GetValueOrDefault("connection"),
            Detailed = values.GetValueOrDefault("detailed"),
            Files = values.GetValueOrDefault("files"),
        };
    }

    private bool TryReadInvokeUrlKey(out string key, out TextSpan span)
    {
        key = string.Empty;
        span = Current.Span;
        if (Current.Kind != TokenKind.Identifier)
        {
            return false;
        }

        // "content-type" lexes as content, '-', type; glue the pieces back when they touch.
        var end = 1;
        var name = Current.Text;
        while (Peek(end).Kind == TokenKind.Minus && Peek(end + 1).Kind == TokenKind.Identifier
            && Peek(end).Start == Peek(end - 1).End && Peek(end + 1).Start == Peek(end).End)
        {
            name += "-" + Peek(end + 1).Text;
            end += 2;
        }

        if (Peek(end).Kind != TokenKind.Colon)
        {
            return false;
        }

        span = TextSpan.FromBounds(Current.Start, Peek(end - 1).End);
        _position += end;
        key = name;
        return true;
    }

    private ExpressionNode ParseHttpMethod()
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier && Peek(1).Kind is not (TokenKind.OpenParen or TokenKind.Dot))
        {
            Advance();
            var method = token.Text.ToUpperInvariant();
            if (Array.IndexOf(HttpMethods, method) < 0)
            {
                _diagnostics.ReportUnknownRequestType(token.Span, $"'{token.Text}'");
            }

            return new LiteralExpression(new ScriptText(method), token.Span);
        }

        var value = ParseExpression();
        if (value is LiteralExpression { Value: ScriptText text } && Array.IndexOf(HttpMethods, text.Value.ToUpperInvariant()) < 0)
        {
            _diagnostics.ReportUnknownRequestType(value.Span, $"\"{text.Value}\"");
        }

        return value;
    }
}
