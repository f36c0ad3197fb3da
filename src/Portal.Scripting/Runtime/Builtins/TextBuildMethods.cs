using System.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>Text methods that build new text: repeat, proper, trims, removals, hex and case-insensitive replaces.</summary>
internal static class TextBuildMethods
{
    public static ScriptValue? Call(RunState state, MethodId id, string name, string text, ScriptValue[] args)
    {
        switch (id)
        {
            case MethodId.RemoveLastOccurence:
                Args.Count(name, args, 1, 1);
                var search = Args.Text(state, args, 0);
                var lastAt = search.Length == 0 ? -1 : text.LastIndexOf(search, StringComparison.Ordinal);
                return new ScriptText(lastAt < 0 ? text : text.Remove(lastAt, search.Length));
            case MethodId.Repeat:
                Args.Count(name, args, 1, 1);
                var times = Args.Integer(name, args, 0);
                if (times < 0)
                {
                    throw new ScriptRuntimeException($"repeat({times}) needs a count of 0 or more");
                }

                state.CheckTextLength(text.Length == 0 ? 0 : times > int.MaxValue ? long.MaxValue : text.Length * times);
                return new ScriptText(new StringBuilder(text.Length * (int)times).Insert(0, text, (int)times).ToString());
            case MethodId.Reverse:
                Args.Count(name, args, 0, 0);
                var chars = text.ToCharArray();
                Array.Reverse(chars);
                return new ScriptText(new string(chars));
            case MethodId.Proper:
                Args.Count(name, args, 0, 0);
                return new ScriptText(Proper(text));
            case MethodId.Ltrim:
                Args.Count(name, args, 0, 0);
                return new ScriptText(text.TrimStart());
            case MethodId.Rtrim:
                Args.Count(name, args, 0, 0);
                return new ScriptText(text.TrimEnd());
            case MethodId.RemoveAllAlpha:
                return Keep(name, args, text, c => !char.IsLetter(c));
            case MethodId.RemoveAllNumeric:
                return Keep(name, args, text, c => !char.IsDigit(c));
            case MethodId.RemoveAllAlphaNumeric:
                return Keep(name, args, text, c => !char.IsLetterOrDigit(c));
            case MethodId.GetAlpha:
                return Keep(name, args, text, char.IsLetter);
            case MethodId.GetAlphaNumeric:
                return Keep(name, args, text, char.IsLetterOrDigit);
            case MethodId.Concat:
                Args.Count(name, args, 1, 1);
                var suffix = Args.Text(state, args, 0);
                state.CheckTextLength((long)text.Length + suffix.Length);
                return new ScriptText(text + suffix);
            case MethodId.HexToText:
                Args.Count(name, args, 0, 0);
                try
                {
                    return new ScriptText(Encoding.UTF8.GetString(Convert.FromHexString(text.Trim())));
                }
                catch (FormatException)
                {
                    throw new ScriptRuntimeException("hexToText() needs text of hexadecimal digit pairs like \"5a6f\"; check where the value comes from");
                }

            case MethodId.TextToHex:
                Args.Count(name, args, 0, 0);
                state.CheckTextLength(Encoding.UTF8.GetByteCount(text) * 2L);
                return new ScriptText(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text)));
            case MethodId.ReplaceAllIgnoreCase:
            case MethodId.ReplaceFirstIgnoreCase:
                Args.Count(name, args, 2, 2);
                return ReplaceIgnoreCase(state, text, Args.Text(state, args, 0), Args.Text(state, args, 1), id == MethodId.ReplaceAllIgnoreCase);
            case MethodId.ExecuteXPath:
                Args.Count(name, args, 1, 1);
                return new ScriptText(XPathText.Evaluate(text, Args.Text(state, args, 0)));
            case MethodId.UnixEpoch:
                Args.Count(name, args, 0, 1);
                return DateTimeText.TryParse(text, out var parsed)
                    ? ScriptNumber.Of(DateTimeMoreMethods.UnixMilliseconds(parsed.Value, args.Length == 0 ? null : Args.Text(state, args, 0)))
                    : throw new ScriptRuntimeException($"unixEpoch() needs date-time text like 15-Aug-1947 19:00:00, not \"{Evaluator.Short(new ScriptText(text))}\"");
            case MethodId.ToTime:
                return TextMethods.Call(state, MethodId.ToDateTime, name, text, args);
            default:
                return null;
        }
    }

    private static ScriptText Keep(string name, ScriptValue[] args, string text, Func<char, bool> keep)
    {
        Args.Count(name, args, 0, 0);
        return new ScriptText(string.Concat(text.Where(keep)));
    }

    private static string Proper(string text)
    {
        var builder = new StringBuilder(text.Length);
        var startOfWord = true;
        foreach (var c in text)
        {
            builder.Append(startOfWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            startOfWord = !char.IsLetterOrDigit(c);
        }

        return builder.ToString();
    }

    private static ScriptText ReplaceIgnoreCase(RunState state, string text, string search, string replacement, bool all)
    {
        if (search.Length == 0)
        {
            return new ScriptText(text);
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        for (var at = text.IndexOf(search, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(search, position, StringComparison.OrdinalIgnoreCase))
        {
            builder.Append(text, position, at - position).Append(replacement);
            position = at + search.Length;
            state.CheckTextLength(builder.Length + (long)text.Length - position);
            if (!all)
            {
                break;
            }
        }

        return new ScriptText(builder.Append(text, position, text.Length - position).ToString());
    }
}
