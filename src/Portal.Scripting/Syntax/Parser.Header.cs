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
                Error(Current.Span, $"expected ',' or ')' in the arguments of {name.Text} but found {Describe(Current)}");
                break;
            }

            if (ParseHeaderParameter(name.Text) is { } parameter)
            {
                if (!seen.Add(parameter.Name))
                {
                    Error(Previous.Span, $"argument '{parameter.Name}' of {name.Text} is declared twice; rename one of them");
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
            Error(Current.Span, $"expected ')' to close the arguments of {name.Text} started at line {LineOf(open.Start)} but found {Describe(Current)}");
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
            Error(Current.Span, $"expected '{{' to start the body of function {name.Text} but found {Describe(Current)}; write {type.Text} {(ns.Length > 0 ? ns + "." : string.Empty)}{name.Text}(…) {{ … }}");
            return ParseStatementsToEnd();
        }

        var body = ParseBlock("function " + name.Text);
        if (Current.Kind != TokenKind.EndOfFile)
        {
            Error(Current.Span, $"code after the closing '}}' of function {name.Text}; move it inside the function's braces or remove it");
            _position = _tokenCount - 1;
        }

        return new BlockStatement(body.Statements, new TextSpan(0, _source.Length));
    }

    private FunctionHeaderParameter? ParseHeaderParameter(string function)
    {
        var type = Current;
        if (type.Kind != TokenKind.Identifier)
        {
            Error(type.Span, $"expected an argument like 'string name' in the header of {function} but found {Describe(type)}");
            return null;
        }

        if (!HeaderTypes.Contains(type.Text) || type.Text.Equals("void", StringComparison.OrdinalIgnoreCase))
        {
            if (Peek(1).Kind is TokenKind.Comma or TokenKind.CloseParen)
            {
                Error(type.Span, $"argument '{type.Text}' of {function} has no type; write it like 'string {type.Text}' (types: {ArgumentTypeList})");
                Advance();
                return new FunctionHeaderParameter("string", type.Text);
            }

            Error(type.Span, $"unknown argument type '{type.Text}' in the header of {function}; use one of: {ArgumentTypeList}");
        }

        Advance();
        if (Current.Kind != TokenKind.Identifier)
        {
            Error(Current.Span, $"expected the argument's name after '{type.Text}' but found {Describe(Current)}");
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
