using Portal.Scripting.Syntax.Nodes;

namespace Portal.Scripting.Syntax;

internal sealed partial class Parser
{
    private ExpressionNode ParseBraceLiteral()
    {
        var open = Advance();
        if (Match(TokenKind.CloseBrace))
        {
            return new MapLiteralExpression([], [], open.Span);
        }

        if (!Enter(open.Span))
        {
            return new BadExpression(open.Span);
        }

        var first = ParseExpression();
        ExpressionNode result;
        if (Current.Kind == TokenKind.Colon)
        {
            var keys = new List<ExpressionNode>();
            var values = new List<ExpressionNode>();
            var key = first;
            while (true)
            {
                Expect(TokenKind.Colon, "':' between a map key and its value");
                keys.Add(key);
                values.Add(ParseExpression());
                if (!Match(TokenKind.Comma) || Current.Kind == TokenKind.CloseBrace)
                {
                    break;
                }

                key = ParseExpression();
            }

            ExpectClose(TokenKind.CloseBrace, "'}'", open);
            result = new MapLiteralExpression([.. keys], [.. values], SpanFrom(open.Start));
        }
        else
        {
            var items = new List<ExpressionNode> { first };
            while (Match(TokenKind.Comma) && Current.Kind != TokenKind.CloseBrace)
            {
                items.Add(ParseExpression());
            }

            ExpectClose(TokenKind.CloseBrace, "'}'", open);
            result = new ListLiteralExpression([.. items], SpanFrom(open.Start));
        }

        Leave();
        return result;
    }

    private ExpressionNode ParseBracketList()
    {
        var open = Advance();
        if (Match(TokenKind.CloseBracket))
        {
            return new ListLiteralExpression([], open.Span);
        }

        if (!Enter(open.Span))
        {
            return new BadExpression(open.Span);
        }

        var items = new List<ExpressionNode> { ParseExpression() };
        while (Match(TokenKind.Comma) && Current.Kind != TokenKind.CloseBracket)
        {
            items.Add(ParseExpression());
        }

        ExpectClose(TokenKind.CloseBracket, "']'", open);
        Leave();
        return new ListLiteralExpression([.. items], SpanFrom(open.Start));
    }

    // Collection("k" : v, …) is a key-value collection (a MAP); Collection(v1, v2, …) an index-value one (a LIST).
    private ExpressionNode ParseCollectionLiteral(Token keyword)
    {
        var open = Advance();
        if (!Enter(open.Span))
        {
            return new BadExpression(open.Span);
        }

        var first = ParseExpression();
        ExpressionNode result;
        if (Current.Kind == TokenKind.Colon)
        {
            var keys = new List<ExpressionNode>();
            var values = new List<ExpressionNode>();
            var key = first;
            while (true)
            {
                Expect(TokenKind.Colon, "':' between a collection key and its value");
                keys.Add(key);
                values.Add(ParseExpression());
                if (!Match(TokenKind.Comma))
                {
                    break;
                }

                key = ParseExpression();
                if (Current.Kind != TokenKind.Colon)
                {
                    _diagnostics.ReportMixedCollection(Current.Span);
                    break;
                }
            }

            ExpectCollectionClose(open);
            result = new MapLiteralExpression([.. keys], [.. values], SpanFrom(keyword.Start));
        }
        else
        {
            var items = new List<ExpressionNode> { first };
            while (Match(TokenKind.Comma))
            {
                items.Add(ParseExpression());
            }

            ExpectCollectionClose(open);
            result = new ListLiteralExpression([.. items], SpanFrom(keyword.Start));
        }

        Leave();
        return result;
    }

    private void ExpectCollectionClose(Token open)
    {
        if (!Match(TokenKind.CloseParen))
        {
            _diagnostics.ReportUnclosedCollection(Current.Span, LineOf(open.Start), Describe(Current));
        }
    }

    private void ExpectClose(TokenKind kind, string text, Token open)
    {
        if (!Match(kind))
        {
            _diagnostics.ReportUnclosedListOrMap(Current.Span, text, LineOf(open.Start), Describe(Current));
        }
    }
}
