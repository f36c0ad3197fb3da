using Portal.Scripting.Runtime.Builtins;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Syntax;

internal sealed partial class Parser
{
    // A left-deep chain "a + b + c …" nests in the AST without parentheses; cap it like nesting.
    private const int MaxOperatorChain = 1024;

    private ExpressionNode ParseExpression()
    {
        if (!Enter(Current.Span))
        {
            return new BadExpression(Current.Span);
        }

        var result = ParseBinary(0);
        Leave();
        return result;
    }

    private static int Precedence(TokenKind kind) => kind switch
    {
        TokenKind.PipePipe => 1,
        TokenKind.AmpAmp => 2,
        TokenKind.EqualsEquals or TokenKind.BangEquals => 3,
        TokenKind.Less or TokenKind.LessEquals or TokenKind.Greater or TokenKind.GreaterEquals => 4,
        TokenKind.Plus or TokenKind.Minus => 5,
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => 6,
        _ => 0,
    };

    private static BinaryOperator ToBinaryOperator(TokenKind kind) => kind switch
    {
        TokenKind.PipePipe => BinaryOperator.Or,
        TokenKind.AmpAmp => BinaryOperator.And,
        TokenKind.EqualsEquals => BinaryOperator.Equal,
        TokenKind.BangEquals => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessEquals => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterEquals => BinaryOperator.GreaterOrEqual,
        TokenKind.Plus => BinaryOperator.Add,
        TokenKind.Minus => BinaryOperator.Subtract,
        TokenKind.Star => BinaryOperator.Multiply,
        TokenKind.Slash => BinaryOperator.Divide,
        _ => BinaryOperator.Modulo,
    };

    private ExpressionNode ParseBinary(int minPrecedence)
    {
        var left = ParseUnary();
        var chain = 0;
        while (true)
        {
            var precedence = Current.Kind == TokenKind.Equals && _inCondition ? Precedence(TokenKind.EqualsEquals) : Precedence(Current.Kind);
            if (precedence == 0 || precedence <= minPrecedence)
            {
                return left;
            }

            if (++chain > MaxOperatorChain)
            {
                _diagnostics.ReportNestingTooDeep(Current.Span, MaxOperatorChain);
                _diagnostics.Suppressed = true;
                _position = _tokenCount - 1;
                return left;
            }

            var op = Advance();
            if (op.Kind == TokenKind.Equals)
            {
                // Zoho's own exported code compares with a single '=' inside conditions; accept it, but say what is meant.
                _diagnostics.ReportAssignmentInCondition(op.Span);
                op = op with { Kind = TokenKind.EqualsEquals };
            }

            var right = ParseBinary(precedence);
            left = new BinaryExpression(ToBinaryOperator(op.Kind), left, right, op.Span, TextSpan.FromBounds(left.Span.Start, right.Span.End));
        }
    }

    private ExpressionNode ParseUnary()
    {
        if (Current.Kind is TokenKind.Bang or TokenKind.Minus)
        {
            var op = Advance();
            if (!Enter(op.Span))
            {
                return new BadExpression(op.Span);
            }

            var operand = ParseUnary();
            Leave();
            if (op.Kind == TokenKind.Minus && operand is LiteralExpression { Value: ScriptNumber n })
            {
                return new LiteralExpression(ScriptNumber.Of(-n.Value), TextSpan.FromBounds(op.Start, operand.Span.End));
            }

            if (op.Kind == TokenKind.Minus && operand is LiteralExpression { Value: ScriptDecimal d })
            {
                return new LiteralExpression(new ScriptDecimal(-d.Value), TextSpan.FromBounds(op.Start, operand.Span.End));
            }

            return new UnaryExpression(op.Kind == TokenKind.Bang ? UnaryOperator.Not : UnaryOperator.Negate, operand, TextSpan.FromBounds(op.Start, operand.Span.End));
        }

        return ParsePostfix(ParsePrimary());
    }

    private ExpressionNode ParsePostfix(ExpressionNode expression)
    {
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                Advance();
                var name = Current;
                if (name.Kind != TokenKind.Identifier)
                {
                    _diagnostics.ReportExpectedMethodName(name.Span, Describe(name));
                    return new BadExpression(SpanFrom(expression.Span.Start));
                }

                Advance();
                if (Current.Kind != TokenKind.OpenParen)
                {
                    _diagnostics.ReportMethodWithoutParentheses(Current.Span, name.Text);
                    return new BadExpression(SpanFrom(expression.Span.Start));
                }

                var method = BuiltinNames.LookupMethod(name.Text);
                if (method == MethodId.Unknown)
                {
                    _diagnostics.ReportUnknownMethod(name.Span, name.Text);
                }

                var arguments = ParseArguments();
                if (method != MethodId.Unknown && BuiltinNames.MethodArityError(name.Text, method, arguments.Length) is { } arityError)
                {
                    _diagnostics.ReportWrongArgumentCount(name.Span, arityError);
                }

                expression = new MethodCallExpression(expression, name.Text, method, arguments, name.Span, SpanFrom(expression.Span.Start));
            }
            else if (Current.Kind == TokenKind.OpenBracket && expression.Kind != ExpressionKind.InvokeUrl)
            {
                var open = Advance();
                if (!Enter(open.Span))
                {
                    return new BadExpression(open.Span);
                }

                var index = ParseExpression();
                Leave();
                Expect(TokenKind.CloseBracket, "']' to close the index");
                expression = new IndexExpression(expression, index, SpanFrom(expression.Span.Start));
            }
            else
            {
                return expression;
            }
        }
    }

    private ExpressionNode[] ParseArguments()
    {
        var open = Expect(TokenKind.OpenParen, "'('");
        if (Match(TokenKind.CloseParen))
        {
            return [];
        }

        if (!Enter(open.Span))
        {
            return [];
        }

        var arguments = new List<ExpressionNode>();
        while (true)
        {
            arguments.Add(ParseExpression());
            if (Match(TokenKind.Comma))
            {
                continue;
            }

            if (!Match(TokenKind.CloseParen))
            {
                _diagnostics.ReportUnclosedArgumentList(Current.Span, LineOf(open.Start), Describe(Current));
            }

            break;
        }

        Leave();
        return [.. arguments];
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.NumberLiteral:
                Advance();
                return new LiteralExpression(ScriptNumber.Of((long)token.Value!), token.Span);
            case TokenKind.DecimalLiteral:
                Advance();
                return new LiteralExpression(new ScriptDecimal((decimal)token.Value!), token.Span);
            case TokenKind.StringLiteral:
                Advance();
                return new LiteralExpression(new ScriptText((string)token.Value!), token.Span);
            case TokenKind.DateLiteral:
                Advance();
                if (DateTimeText.TryParse(token.Text, out var date))
                {
                    return new LiteralExpression(date, token.Span);
                }

                if (HasLexError(token.Start, token.Start + 1))
                {
                    return new BadExpression(token.Span);
                }

                if (token.Text.Length == 0 || !char.IsAsciiDigit(token.Text[0]))
                {
                    // Real scripts write text in single quotes ('Name=' + x, toString('MM/dd/yyyy')); Zoho reads it as text.
                    _diagnostics.ReportTextInSingleQuotes(token.Span, Truncate(token.Text));
                    return new LiteralExpression(new ScriptText(token.Text), token.Span);
                }

                _diagnostics.ReportInvalidDate(token.Span, token.Text);
                return new BadExpression(token.Span);
            case TokenKind.TrueKeyword:
                Advance();
                return new LiteralExpression(ScriptBoolean.True, token.Span);
            case TokenKind.FalseKeyword:
                Advance();
                return new LiteralExpression(ScriptBoolean.False, token.Span);
            case TokenKind.NullKeyword:
                Advance();
                return new LiteralExpression(ScriptNull.Instance, token.Span);
            case TokenKind.OpenParen:
                Advance();
                var inner = ParseExpression();
                Expect(TokenKind.CloseParen, $"')' to close '(' at line {LineOf(token.Start)}");
                return inner;
            case TokenKind.OpenBrace:
                return ParseBraceLiteral();
            case TokenKind.OpenBracket:
                return ParseBracketList();
            case TokenKind.IfKeyword:
                Advance();
                var wasInCondition = _inCondition;
                _inCondition = true;
                var ifArguments = ParseCheckedArguments("if", 3, 3);
                _inCondition = wasInCondition;
                return new FunctionCallExpression("if", GlobalFunctionId.If, ifArguments, SpanFrom(token.Start));
            case TokenKind.Identifier:
                return ParseIdentifierExpression();
            default:
                _diagnostics.ReportExpectedValue(token.Span, Describe(token));
                return new BadExpression(token.Span);
        }
    }

    private ExpressionNode ParseIdentifierExpression()
    {
        var token = Advance();
        var name = token.Text;
        if (Current.Kind == TokenKind.OpenBracket && name.Equals("invokeurl", StringComparison.OrdinalIgnoreCase))
        {
            return ParseInvokeUrl(token);
        }

        if (Current.Kind == TokenKind.Dot && Peek(1).Kind == TokenKind.Identifier && Peek(2).Kind != TokenKind.OpenParen
            && name.Equals("input", StringComparison.OrdinalIgnoreCase))
        {
            // input.name is Deluge's way of reading the function's argument 'name'.
            Advance();
            var argument = Advance();
            return new VariableExpression(argument.Text, SlotFor(argument.Text), SpanFrom(token.Start));
        }

        if (Current.Kind == TokenKind.Dot && Peek(1).Kind == TokenKind.Identifier && IsNamespaceRoot(name))
        {
            return ParseQualified(token);
        }

        if (Current.Kind == TokenKind.OpenParen && name.Equals("collection", StringComparison.OrdinalIgnoreCase) && Peek(1).Kind != TokenKind.CloseParen)
        {
            return ParseCollectionLiteral(token);
        }

        if (Current.Kind == TokenKind.Colon && Peek(1).Kind == TokenKind.Identifier && Peek(2).Kind == TokenKind.OpenParen
            && name.Equals("list", StringComparison.OrdinalIgnoreCase))
        {
            Advance();
            Advance();
        }

        if (Current.Kind == TokenKind.OpenParen)
        {
            var function = BuiltinNames.LookupFunction(name);
            var methodForm = function == GlobalFunctionId.Unknown ? BuiltinNames.LookupMethodForm(name) : MethodId.Unknown;
            if ((function == GlobalFunctionId.Unknown && methodForm == MethodId.Unknown) || name.Contains('.'))
            {
                _diagnostics.ReportUnknownFunction(token.Span, name);
            }

            var arguments = ParseArguments();
            ReportFunctionArity(token.Span, name, function, methodForm, arguments.Length);
            return methodForm != MethodId.Unknown
                ? new FunctionCallExpression(name, GlobalFunctionId.MethodForm, arguments, SpanFrom(token.Start)) { Method = methodForm }
                : new FunctionCallExpression(name, function, arguments, SpanFrom(token.Start));
        }

        return new VariableExpression(name, SlotFor(name), token.Span);
    }

    private bool IsNamespaceRoot(string name) =>
        name.Equals("zoho", StringComparison.OrdinalIgnoreCase) || name.Equals("portal", StringComparison.OrdinalIgnoreCase)
        || (SavedFunctionNamespaces.IsSavedFunctionRoot(name) && !_slots.ContainsKey(name));

    private ExpressionNode ParseQualified(Token root)
    {
        var name = root.Text;
        var isStandalone = SavedFunctionNamespaces.IsSavedFunctionRoot(name);
        while (Current.Kind == TokenKind.Dot && Peek(1).Kind == TokenKind.Identifier)
        {
            Advance();
            name += "." + Advance().Text;
            if (!isStandalone && BuiltinNames.IsSystemValue(name))
            {
                return new SystemValueExpression(name, SpanFrom(root.Start));
            }

            if (isStandalone && Current.Kind == TokenKind.OpenParen)
            {
                break;
            }

            // zoho.orgname.length(): a built-in method after a two-part name is a method call on a system value, not a task.
            if (!isStandalone && name.Count(c => c == '.') == 1 && Current.Kind == TokenKind.Dot && Peek(1).Kind == TokenKind.Identifier
                && Peek(2).Kind == TokenKind.OpenParen && BuiltinNames.LookupMethod(Peek(1).Text) != MethodId.Unknown
                && BuiltinNames.LookupFunction(name + "." + Peek(1).Text) == GlobalFunctionId.Unknown)
            {
                return new SystemValueExpression(name, SpanFrom(root.Start));
            }
        }

        if (Current.Kind != TokenKind.OpenParen)
        {
            if (isStandalone)
            {
                _diagnostics.ReportSavedFunctionWithoutParentheses(Current.Span, name);
                return new BadExpression(SpanFrom(root.Start));
            }

            return new SystemValueExpression(name, SpanFrom(root.Start));
        }

        var function = BuiltinNames.LookupFunction(name);
        var arguments = ParseArguments();
        if (function != GlobalFunctionId.Unknown)
        {
            ReportFunctionArity(TextSpan.FromBounds(root.Start, Previous.End), name, function, MethodId.Unknown, arguments.Length);
            return new FunctionCallExpression(name, function, arguments, SpanFrom(root.Start));
        }

        if (name.StartsWith("zoho.encryption.", StringComparison.OrdinalIgnoreCase))
        {
            _diagnostics.ReportUnknownFunction(TextSpan.FromBounds(root.Start, Previous.End), name);
        }
        else if (!isStandalone && TaskPacks.MissingPackMessage(name) is { } missing)
        {
            _diagnostics.ReportMissingTaskPack(TextSpan.FromBounds(root.Start, root.Start + name.Length), missing);
        }

        var qualified = isStandalone ? name[(root.Text.Length + 1)..] : name;
        return new HostCallExpression(qualified, isStandalone ? root.Text.ToLowerInvariant() : null, arguments, SpanFrom(root.Start));
    }

    private void ReportFunctionArity(TextSpan span, string name, GlobalFunctionId function, MethodId methodForm, int count)
    {
        var error = methodForm != MethodId.Unknown
            ? (count == 0 ? $"{name}() needs the value to work on as its first argument, like {name}(value, …)" : BuiltinNames.MethodArityError(name, methodForm, count - 1)?.Replace("argument(s) but got", "argument(s) after the value but got", StringComparison.Ordinal))
            : function != GlobalFunctionId.Unknown ? BuiltinNames.FunctionArityError(name, count) : null;
        if (error is not null)
        {
            _diagnostics.ReportWrongArgumentCount(span, error);
        }
    }

    private ExpressionNode[] ParseCheckedArguments(string name, int min, int max)
    {
        var start = Current.Start;
        var arguments = ParseArguments();
        if (arguments.Length < min || arguments.Length > max)
        {
            _diagnostics.ReportArgumentCount(SpanFrom(start), name, min, max, arguments.Length);
        }

        return arguments;
    }
}
