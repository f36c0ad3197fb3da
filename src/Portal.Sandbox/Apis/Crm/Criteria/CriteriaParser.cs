using System.Text;

namespace Portal.Sandbox.Apis.Crm.Criteria;

/// <summary>
/// Recursive-descent parser for Zoho search criteria, e.g. <c>((Last_Name:equals:Lovelace)and(Company:starts_with:Ana))</c>.
/// Grammar: <c>or := and ('or' and)*</c>, <c>and := group ('and' group)*</c>, <c>group := '(' (condition | or) ')'</c>,
/// <c>condition := field ':' operator ':' value</c>; in values <c>\(</c>, <c>\)</c>, <c>\,</c> and <c>\\</c> escape.
/// </summary>
internal sealed class CriteriaParser
{
    public const int MaxLength = 4000;
    public const int MaxDepth = 16;

    private const string EscapeHint = "Write parentheses and commas inside a value as \\( \\) \\,";

    private readonly string text;
    private int position;
    private int depth;

    private CriteriaParser(string text) => this.text = text;

    /// <exception cref="CriteriaException">The criteria is malformed; the message says where and how to fix it.</exception>
    public static CriteriaNode Parse(string? criteria)
    {
        if (string.IsNullOrWhiteSpace(criteria))
        {
            throw new CriteriaException("The criteria is empty. Send it like (Last_Name:equals:Lovelace).");
        }

        if (criteria.Length > MaxLength)
        {
            throw new CriteriaException($"The criteria is longer than {MaxLength} characters. Split the search into smaller ones.");
        }

        var parser = new CriteriaParser(criteria);
        parser.SkipSpaces();
        var node = parser.ParseOr();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw parser.Error($"unexpected '{parser.Current}' after the end of the criteria. {EscapeHint}, and join groups with 'and' or 'or'.");
        }

        return node;
    }

    private bool AtEnd => position >= text.Length;

    private char Current => text[position];

    private CriteriaNode ParseOr()
    {
        var parts = new List<CriteriaNode> { ParseAnd() };
        while (TryConnector("or"))
        {
            parts.Add(ParseAnd());
        }

        return parts.Count == 1 ? parts[0] : new CriteriaGroup(CriteriaConnector.Or, parts);
    }

    private CriteriaNode ParseAnd()
    {
        var parts = new List<CriteriaNode> { ParseGroup() };
        while (TryConnector("and"))
        {
            parts.Add(ParseGroup());
        }

        return parts.Count == 1 ? parts[0] : new CriteriaGroup(CriteriaConnector.And, parts);
    }

    private CriteriaNode ParseGroup()
    {
        SkipSpaces();
        Expect('(', "every condition and group starts with '('");
        if (++depth > MaxDepth)
        {
            throw Error($"groups are nested deeper than {MaxDepth} levels. Flatten the criteria.");
        }

        SkipSpaces();
        var node = !AtEnd && Current == '(' ? ParseOr() : ParseCondition();
        SkipSpaces();
        Expect(')', "a group or condition is not closed");
        depth--;
        SkipSpaces();
        return node;
    }

    private CriteriaCondition ParseCondition()
    {
        var fieldStart = position;
        var field = ReadName();
        if (field.Length == 0)
        {
            throw Error("expected a field API name such as Last_Name.", fieldStart);
        }

        Expect(':', $"the field '{field}' must be followed by ':operator:value'");
        var operatorStart = position;
        var op = ReadName().ToLowerInvariant();
        if (!CriteriaCondition.Operators.Contains(op))
        {
            var shown = op.Length == 0 ? "nothing" : $"'{op}'";
            throw Error($"found {shown} where an operator belongs. Use one of {string.Join(", ", CriteriaCondition.Operators)}.", operatorStart);
        }

        Expect(':', $"the operator '{op}' must be followed by ':value'");
        var valueStart = position;
        var values = ReadValues();
        if (op != CriteriaCondition.In)
        {
            values = [string.Join(',', values)];
        }

        if (values.All(value => value.Length == 0))
        {
            throw Error($"the value for '{field}' is missing. Write it after the operator, e.g. ({field}:{op}:something).", valueStart);
        }

        return new CriteriaCondition(field, op, values);
    }

    private string ReadName()
    {
        var start = position;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Current) || Current is '_' or '.' or '$'))
        {
            position++;
        }

        return text[start..position];
    }

    /// <summary>Reads up to the first unescaped ')', splitting at unescaped commas (only <c>in</c> keeps the split).</summary>
    private List<string> ReadValues()
    {
        var values = new List<string>();
        var current = new StringBuilder();
        while (!AtEnd && Current != ')')
        {
            if (Current == '\\')
            {
                if (position + 1 >= text.Length)
                {
                    throw Error($"the criteria ends with a lone '\\'. {EscapeHint}.");
                }

                current.Append(text[position + 1]);
                position += 2;
                continue;
            }

            if (Current == ',')
            {
                values.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(Current);
            }

            position++;
        }

        values.Add(current.ToString());
        return values;
    }

    private bool TryConnector(string connector)
    {
        SkipSpaces();
        if (position + connector.Length <= text.Length
            && string.Compare(text, position, connector, 0, connector.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (position + connector.Length == text.Length || text[position + connector.Length] is '(' or ' '))
        {
            position += connector.Length;
            return true;
        }

        return false;
    }

    private void Expect(char expected, string why)
    {
        if (AtEnd)
        {
            throw Error($"expected '{expected}' but the criteria ended ({why}).");
        }

        if (Current != expected)
        {
            throw Error($"expected '{expected}' but found '{Current}' ({why}). {EscapeHint}.");
        }

        position++;
    }

    private void SkipSpaces()
    {
        while (!AtEnd && Current == ' ')
        {
            position++;
        }
    }

    private CriteriaException Error(string problem, int? at = null) =>
        new($"At position {(at ?? position) + 1}: {problem}");
}
