using Portal.Scripting.Catalog;

namespace Portal.Web.Functions.Editor;

/// <summary>
/// Guesses the type of the value before a '.' from the code the user typed: literals, constructors, the result type the
/// registry declares for a call, or the last assignment of a variable. Null when it cannot tell.
/// </summary>
internal static class ReceiverTypeGuesser
{
    private const int MaxHops = 8;

    public static BuiltinReceiver? Guess(string code, int dotOffset) => GuessExpression(code, ReceiverText(code, dotOffset), dotOffset, 0);

    // The expression that ends right before the dot: balanced brackets, strings and dotted calls, stopping at an operator.
    internal static string ReceiverText(string code, int dotOffset)
    {
        var depth = 0;
        var i = Math.Min(dotOffset, code.Length) - 1;
        for (; i >= 0; i--)
        {
            var c = code[i];
            if (c is '"' or '\'')
            {
                var open = code.LastIndexOf(c, Math.Max(0, i - 1));
                if (open < 0 || open == i)
                {
                    break;
                }

                i = open;
                continue;
            }

            if (c is ')' or ']' or '}')
            {
                depth++;
            }
            else if (c is '(' or '[' or '{')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (depth == 0 && !(char.IsLetterOrDigit(c) || c is '_' or '.'))
            {
                break;
            }
        }

        return code[(i + 1)..Math.Min(dotOffset, code.Length)].Trim();
    }

    private static BuiltinReceiver? GuessExpression(string code, string expression, int before, int hops)
    {
        if (expression.Length == 0 || hops > MaxHops)
        {
            return null;
        }

        switch (expression[0])
        {
            case '"':
                return expression.Length > 1 && expression.IndexOf('"', 1) == expression.Length - 1 ? BuiltinReceiver.Text : FromCallChain(expression);
            case '\'':
                return expression.IndexOf('\'', 1) == expression.Length - 1 ? BuiltinReceiver.DateTime : FromCallChain(expression);
            case '[':
                return expression.EndsWith(']') ? BuiltinReceiver.List : FromCallChain(expression);
            case '{':
                return expression.EndsWith('}') ? (expression.Contains(':') ? BuiltinReceiver.Map : BuiltinReceiver.List) : FromCallChain(expression);
        }

        if (char.IsAsciiDigit(expression[0]) && decimal.TryParse(expression, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return BuiltinReceiver.Number;
        }

        if (expression.EndsWith(')') || expression.StartsWith("zoho.", StringComparison.OrdinalIgnoreCase))
        {
            return FromCallChain(expression);
        }

        if (expression.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            var assigned = LastAssignment(code, expression, before);
            return assigned is null ? null : GuessExpression(code, assigned.Value.Expression, assigned.Value.Offset, hops + 1);
        }

        return null;
    }

    // The registry's result type of the last call in a chain such as "x".toList() or Map() or zoho.currentdate.
    private static BuiltinReceiver? FromCallChain(string expression)
    {
        var end = expression.EndsWith(')') ? MatchingOpen(expression) : expression.Length;
        if (end <= 0)
        {
            return null;
        }

        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(expression[start - 1]) || expression[start - 1] == '_' || (expression[start - 1] == '.' && expression.StartsWith("zoho.", StringComparison.OrdinalIgnoreCase) && !expression.Contains('('))))
        {
            start--;
        }

        var name = expression[start..end];
        var isMethod = start > 0 && expression[start - 1] == '.';
        var results = BuiltinCatalog.Find(name)
            .Where(e => isMethod ? e.IsMethod : e.Receiver is BuiltinReceiver.Global or BuiltinReceiver.SystemValue)
            .Select(e => FromResult(e.Result))
            .Distinct()
            .ToList();
        return results is [{ } only] ? only : null;
    }

    private static int MatchingOpen(string expression)
    {
        var depth = 0;
        for (var i = expression.Length - 1; i >= 0; i--)
        {
            depth += expression[i] switch { ')' => 1, '(' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static BuiltinReceiver? FromResult(string result) => result.Split('|')[0] switch
    {
        "TEXT" => BuiltinReceiver.Text,
        "NUMBER" or "DECIMAL" => BuiltinReceiver.Number,
        "LIST" => BuiltinReceiver.List,
        "MAP" => BuiltinReceiver.Map,
        "DATE-TIME" => BuiltinReceiver.DateTime,
        _ => null,
    };

    private static (string Expression, int Offset)? LastAssignment(string code, string variable, int before)
    {
        var search = code[..Math.Min(before, code.Length)];
        for (var at = search.LastIndexOf(variable, StringComparison.OrdinalIgnoreCase); at >= 0; at = at == 0 ? -1 : search.LastIndexOf(variable, at - 1, StringComparison.OrdinalIgnoreCase))
        {
            var startsWord = at == 0 || !(char.IsLetterOrDigit(search[at - 1]) || search[at - 1] is '_' or '.');
            var rest = search[(at + variable.Length)..].TrimStart(' ', '\t');
            if (startsWord && rest.StartsWith('=') && !rest.StartsWith("==", StringComparison.Ordinal))
            {
                var valueStart = search.Length - rest.Length + 1;
                var semicolon = search.IndexOf(';', valueStart);
                var valueEnd = semicolon < 0 ? search.Length : semicolon;
                return (search[valueStart..valueEnd].Trim(), at);
            }
        }

        return null;
    }
}
