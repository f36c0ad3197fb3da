using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax;

internal sealed partial class Parser
{
    private StatementNode? ParseStatement()
    {
        var start = Current.Start;
        _statementStart = start;
        switch (Current.Kind)
        {
            case TokenKind.IfKeyword:
                return ParseIf();
            case TokenKind.ForKeyword:
                return ParseForEach();
            case TokenKind.TryKeyword:
                return ParseTry();
            case TokenKind.InfoKeyword:
                Advance();
                var infoValue = ParseExpressionOrSync();
                ExpectSemicolon();
                return new InfoStatement(infoValue, SpanFrom(start));
            case TokenKind.ReturnKeyword:
                Advance();
                ExpressionNode? returnValue = null;
                if (Current.Kind is not (TokenKind.Semicolon or TokenKind.CloseBrace or TokenKind.EndOfFile))
                {
                    returnValue = ParseExpressionOrSync();
                }

                ExpectSemicolon();
                return new ReturnStatement(returnValue, SpanFrom(start));
            case TokenKind.BreakKeyword:
            case TokenKind.ContinueKeyword:
                var jump = Advance();
                ExpectSemicolon();
                return new JumpStatement(jump.Kind == TokenKind.BreakKeyword ? StatementKind.Break : StatementKind.Continue, SpanFrom(start));
            case TokenKind.ElseKeyword:
                _diagnostics.ReportElseWithoutIf(Current.Span);
                Advance();
                if (Current.Kind == TokenKind.OpenBrace)
                {
                    ParseBlock("else");
                }

                return null;
            case TokenKind.CatchKeyword:
                _diagnostics.ReportCatchWithoutTry(Current.Span);
                Advance();
                if (Match(TokenKind.OpenParen))
                {
                    while (Current.Kind is not (TokenKind.CloseParen or TokenKind.OpenBrace or TokenKind.EndOfFile))
                    {
                        Advance();
                    }

                    Match(TokenKind.CloseParen);
                }

                if (Current.Kind == TokenKind.OpenBrace)
                {
                    ParseBlock("catch");
                }

                return null;
            case TokenKind.Semicolon:
                // A stray ';' (as in "};" after a block) is an empty statement, as Zoho's editor accepts it.
                Advance();
                return null;
            case TokenKind.Identifier when AtSendMail():
                return ParseSendMail();
            case TokenKind.Identifier when Current.Text.Equals("input", StringComparison.OrdinalIgnoreCase) && Peek(1).Kind == TokenKind.Dot
                && Peek(2).Kind == TokenKind.Identifier && IsAssignmentOperator(Peek(3).Kind):
                // input.name = value; assigns the argument 'name'.
                Advance();
                Advance();
                return ParseAssignment();
            case TokenKind.Identifier when IsAssignmentOperator(Peek(1).Kind):
                return ParseAssignment();
            default:
                return ParseExpressionStatement();
        }
    }

    private static bool IsAssignmentOperator(TokenKind kind) => kind is TokenKind.Equals or TokenKind.PlusEquals
        or TokenKind.MinusEquals or TokenKind.StarEquals or TokenKind.SlashEquals or TokenKind.PercentEquals;

    private AssignmentStatement ParseAssignment()
    {
        var name = Advance();
        var op = Advance().Kind switch
        {
            TokenKind.PlusEquals => BinaryOperator.Add,
            TokenKind.MinusEquals => BinaryOperator.Subtract,
            TokenKind.StarEquals => BinaryOperator.Multiply,
            TokenKind.SlashEquals => BinaryOperator.Divide,
            TokenKind.PercentEquals => (BinaryOperator?)BinaryOperator.Modulo,
            _ => null,
        };
        var value = ParseExpressionOrSync();
        ExpectSemicolon();
        return new AssignmentStatement(name.Text, SlotFor(name.Text), op, value, SpanFrom(name.Start));
    }

    private ExpressionStatement ParseExpressionStatement()
    {
        var start = Current.Start;
        var expression = ParseExpressionOrSync();
        if (expression.Kind is not (ExpressionKind.MethodCall or ExpressionKind.FunctionCall or ExpressionKind.HostCall
            or ExpressionKind.InvokeUrl or ExpressionKind.Bad))
        {
            _diagnostics.ReportExpressionDoesNothing(expression.Span);
        }

        ExpectSemicolon();
        return new ExpressionStatement(expression, SpanFrom(start));
    }

    private ExpressionNode ParseExpressionOrSync()
    {
        var errorsBefore = _diagnostics.Count;
        var expression = ParseExpression();
        if (_diagnostics.Count > errorsBefore && !_suppressSemicolon)
        {
            SkipToStatementEnd();
        }

        return expression;
    }

    private void SkipToStatementEnd()
    {
        var nesting = 0;
        while (Current.Kind != TokenKind.EndOfFile)
        {
            switch (Current.Kind)
            {
                case TokenKind.Semicolon when nesting == 0:
                    return;
                case TokenKind.CloseBrace when nesting == 0:
                    return;
                case TokenKind.OpenBrace or TokenKind.OpenParen or TokenKind.OpenBracket:
                    nesting++;
                    break;
                case TokenKind.CloseBrace or TokenKind.CloseParen or TokenKind.CloseBracket:
                    nesting = Math.Max(0, nesting - 1);
                    break;
            }

            _position++;
        }
    }

    private void ExpectSemicolon()
    {
        if (Match(TokenKind.Semicolon))
        {
            _suppressSemicolon = false;
            return;
        }

        if (_suppressSemicolon)
        {
            _suppressSemicolon = false;
            return;
        }

        if (_lexErrors.Count > 0 && HasLexError(_statementStart, Current.End))
        {
            // The lexer already reported what broke this statement; skip to its end instead of piling on.
            SkipToStatementEnd();
            Match(TokenKind.Semicolon);
            return;
        }

        var previous = Previous;
        _lastErrorPosition = -1;
        _diagnostics.ReportMissingSemicolon(new TextSpan(previous.End, 0), LineOf(previous.Start));
        _lastErrorPosition = previous.End;
    }

    private BlockStatement ParseBlock(string owner)
    {
        var open = Current;
        if (open.Kind != TokenKind.OpenBrace)
        {
            _diagnostics.ReportBodyWithoutBraces(open.Span, owner);
            var single = Current.Kind == TokenKind.EndOfFile ? null : ParseStatement();
            return new BlockStatement(single is null ? [] : [single], open.Span);
        }

        if (!Enter(open.Span))
        {
            return new BlockStatement([], open.Span);
        }

        Advance();
        var statements = new List<StatementNode>();
        while (Current.Kind is not (TokenKind.CloseBrace or TokenKind.EndOfFile))
        {
            var start = _position;
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

        if (!Match(TokenKind.CloseBrace))
        {
            _diagnostics.ReportUnclosedBlock(Current.Span, LineOf(open.Start));
        }

        Leave();
        return new BlockStatement([.. statements], SpanFrom(open.Start));
    }

    private IfStatement ParseIf()
    {
        var start = Advance().Start;
        Expect(TokenKind.OpenParen, "'(' after 'if'");
        var wasInCondition = _inCondition;
        _inCondition = true;
        var condition = ParseExpression();
        _inCondition = wasInCondition;
        Expect(TokenKind.CloseParen, "')' to close the if condition");
        var then = ParseBlock("if");
        StatementNode? elseBranch = null;
        if (Current.Kind == TokenKind.ElseKeyword)
        {
            Advance();
            elseBranch = Current.Kind == TokenKind.IfKeyword ? ParseIf() : ParseBlock("else");
        }

        return new IfStatement(condition, then, elseBranch, SpanFrom(start));
    }

    private ForEachStatement ParseForEach()
    {
        var start = Advance().Start;
        if (Current.Kind == TokenKind.Identifier && Current.Text.Equals("each", StringComparison.OrdinalIgnoreCase))
        {
            Advance();
        }
        else
        {
            _diagnostics.ReportExpectedEach(Current.Span, Describe(Current));
        }

        var isIndex = Current.Kind == TokenKind.Identifier && Current.Text.Equals("index", StringComparison.OrdinalIgnoreCase)
            && Peek(1).Kind == TokenKind.Identifier && Peek(2).Kind == TokenKind.Identifier
            && Peek(2).Text.Equals("in", StringComparison.OrdinalIgnoreCase);
        if (isIndex)
        {
            Advance();
        }

        var variable = Expect(TokenKind.Identifier, "a loop variable name");
        var slot = SlotFor(variable.Text.Length == 0 ? "$missing" : variable.Text); // before the body, so 'button.get(…)' there is the variable
        if (Current.Kind == TokenKind.Identifier && Current.Text.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            Advance();
        }
        else
        {
            _diagnostics.ReportExpectedIn(Current.Span, Describe(Current));
        }

        var collection = ParseExpression();
        var body = ParseBlock("for each");
        return new ForEachStatement(variable.Text, slot, isIndex, collection, body, SpanFrom(start));
    }

    private TryStatement ParseTry()
    {
        var start = Advance().Start;
        var body = ParseBlock("try");
        if (Current.Kind != TokenKind.CatchKeyword)
        {
            _diagnostics.ReportExpectedCatch(Current.Span, Describe(Current));
            return new TryStatement(body, SlotFor("$error"), new BlockStatement([], body.Span), SpanFrom(start));
        }

        Advance();
        Expect(TokenKind.OpenParen, "'(' after 'catch'");
        var variable = Expect(TokenKind.Identifier, "a variable name for the error");
        Expect(TokenKind.CloseParen, "')' after the catch variable");
        var handler = ParseBlock("catch");
        return new TryStatement(body, SlotFor(variable.Text.Length == 0 ? "$error" : variable.Text), handler, SpanFrom(start));
    }
}
