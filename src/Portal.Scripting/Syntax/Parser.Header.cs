using System.Collections.Frozen;
using Portal.Scripting.Syntax.Nodes;
using Portal.Scripting.Text;

namespace Portal.Scripting.Syntax;

internal sealed partial class Parser
{
    /// <summary>Deluge's argument and return types, as exported functions write them (any case).</summary>
    internal static readonly FrozenSet<string> HeaderTypes = new[]
    {
        "void", "string", "text", "int", "long", "bigint", "number", "decimal", "float", "double", "bool", "boolean",
        "date", "datetime", "map", "list", "collection", "file",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public FunctionHeader? Header { get; private set; }

    // TYPE [NAMESPACE.]name( … ) — a type word followed by a name never starts a statement, so this cannot misread a body.
    private bool AtHeader() =>
        Current.Kind == TokenKind.Identifier && HeaderTypes.Contains(Current.Text) && Peek(1).Kind == TokenKind.Identifier
        && (Peek(2).Kind == TokenKind.OpenParen
            || (Peek(2).Kind == TokenKind.Dot && Peek(3).Kind == TokenKind.Identifier && Peek(4).Kind == TokenKind.OpenParen));

    private BlockStatement ParseFunction()
    {
        var type = Advance();
        var first = Advance();
        var ns = string.Empty;
        var name = first;
        if (Match(TokenKind.Dot))
        {
            ns = first.Text;
            name = Advance();
        }

        var open = Advance();
        var parameters = new List<FunctionHeaderParameter>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (Current.Kind is not (TokenKind.CloseParen or TokenKind.EndOfFile or TokenKind.OpenBrace))
        {
            if (parameters.Count > 0 && !Match(TokenKind.Comma))
            {
                _diagnostics.ReportExpectedArgumentSeparator(Current.Span, name.Text, Describe(Current));
                break;
            }

            if (ParseHeaderParameter(name.Text) is { } parameter)
            {
                if (!seen.Add(parameter.Name))
                {
                    _diagnostics.ReportDuplicateArgument(Previous.Span, parameter.Name, name.Text);
                }

                parameters.Add(parameter);
                SlotFor(parameter.Name);
            }
            else
            {
                break;
            }
        }

        if (!Match(TokenKind.CloseParen))
        {
            _diagnostics.ReportUnclosedArguments(Current.Span, name.Text, LineOf(open.Start), Describe(Current));
            while (Current.Kind is not (TokenKind.CloseParen or TokenKind.OpenBrace or TokenKind.EndOfFile))
            {
                Advance();
            }

            Match(TokenKind.CloseParen);
        }

        var (line, column) = _source.GetLineColumn(type.Start);
        Header = new FunctionHeader(type.Text.ToLowerInvariant(), ns, name.Text, parameters, line, column);
        if (Current.Kind != TokenKind.OpenBrace)
        {
            _diagnostics.ReportExpectedFunctionBody(Current.Span, name.Text, Describe(Current), type.Text, ns);
            return ParseStatementsToEnd();
        }

        var body = ParseBlock("function " + name.Text);
        if (Current.Kind != TokenKind.EndOfFile)
        {
            _diagnostics.ReportCodeAfterFunction(Current.Span, name.Text);
            _position = _tokenCount - 1;
        }

        return new BlockStatement(body.Statements, new TextSpan(0, _source.Length));
    }

    private FunctionHeaderParameter? ParseHeaderParameter(string function)
    {
        var type = Current;
        if (type.Kind != TokenKind.Identifier)
        {
            _diagnostics.ReportExpectedArgument(type.Span, function, Describe(type));
            return null;
        }

        if (!HeaderTypes.Contains(type.Text) || type.Text.Equals("void", StringComparison.OrdinalIgnoreCase))
        {
            if (Peek(1).Kind is TokenKind.Comma or TokenKind.CloseParen)
            {
                _diagnostics.ReportUntypedArgument(type.Span, type.Text, function, ArgumentTypeList);
                Advance();
                return new FunctionHeaderParameter("string", type.Text);
            }

            _diagnostics.ReportUnknownArgumentType(type.Span, type.Text, function, ArgumentTypeList);
        }

        Advance();
        if (Current.Kind != TokenKind.Identifier)
        {
            _diagnostics.ReportExpectedArgumentName(Current.Span, type.Text, Describe(Current));
            return null;
        }

        return new FunctionHeaderParameter(type.Text.ToLowerInvariant(), Advance().Text);
    }

    private static string ArgumentTypeList => "string, int, decimal, bool, date, datetime, map, list";

    private BlockStatement ParseStatementsToEnd()
    {
        var statements = new List<StatementNode>();
        while (Current.Kind != TokenKind.EndOfFile)
        {
            var start = _position;
            if (ParseStatement() is { } statement)
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
}
