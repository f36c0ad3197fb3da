using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

/// <summary>Text methods that search and cut: the *IgnoreCase family, find, left/right/mid, truncate.</summary>
internal static class TextSearchMethods
{
    public static ScriptValue? Call(RunState state, MethodId id, string name, string text, ScriptValue[] args)
    {
        switch (id)
        {
            case MethodId.Len:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of(text.Length);
            case MethodId.NotContains:
                Args.Count(name, args, 1, 1);
                return Args.Bool(!text.Contains(Args.Text(state, args, 0), StringComparison.Ordinal));
            case MethodId.ContainsIgnoreCase:
                Args.Count(name, args, 1, 1);
                return Args.Bool(text.Contains(Args.Text(state, args, 0), StringComparison.OrdinalIgnoreCase));
            case MethodId.StartsWithIgnoreCase:
                Args.Count(name, args, 1, 1);
                return Args.Bool(text.StartsWith(Args.Text(state, args, 0), StringComparison.OrdinalIgnoreCase));
            case MethodId.EndsWithIgnoreCase:
                Args.Count(name, args, 1, 1);
                return Args.Bool(text.EndsWith(Args.Text(state, args, 0), StringComparison.OrdinalIgnoreCase));
            case MethodId.IndexOfIgnoreCase:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of(text.IndexOf(Args.Text(state, args, 0), StringComparison.OrdinalIgnoreCase));
            case MethodId.LastIndexOfIgnoreCase:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of(text.LastIndexOf(Args.Text(state, args, 0), StringComparison.OrdinalIgnoreCase));
            case MethodId.GetPrefixIgnoreCase:
                Args.Count(name, args, 1, 1);
                var prefixAt = text.IndexOf(Args.Text(state, args, 0), StringComparison.OrdinalIgnoreCase);
                return prefixAt < 0 ? ScriptNull.Instance : new ScriptText(text[..prefixAt]);
            case MethodId.GetSuffixIgnoreCase:
                Args.Count(name, args, 1, 1);
                var marker = Args.Text(state, args, 0);
                var suffixAt = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
                return suffixAt < 0 ? ScriptNull.Instance : new ScriptText(text[(suffixAt + marker.Length)..]);
            case MethodId.Find:
                Args.Count(name, args, 1, 2);
                return ScriptNumber.Of(FindNth(text, Args.Text(state, args, 0), args.Length > 1 ? Args.Integer(name, args, 1) : 1));
            case MethodId.GetOccurenceCount:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of(Count(text, Args.Text(state, args, 0)));
            case MethodId.SubText:
            case MethodId.Mid:
                return TextMethods.Call(state, MethodId.Substring, name, text, NegativeEndIgnored(args));
            case MethodId.Left:
                Args.Count(name, args, 1, 1);
                return new ScriptText(text[..(int)Math.Clamp(NonNegative(name, args), 0, text.Length)]);
            case MethodId.Right:
                Args.Count(name, args, 1, 1);
                return new ScriptText(text[(text.Length - (int)Math.Clamp(NonNegative(name, args), 0, text.Length))..]);
            case MethodId.Truncate:
                Args.Count(name, args, 1, 1);
                return new ScriptText(text[..(int)Math.Clamp(NonNegative(name, args), 0, text.Length)]);
            default:
                return null;
        }
    }

    public static int Count(string text, string search)
    {
        if (search.Length == 0)
        {
            return 0;
        }

        var count = 0;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static long FindNth(string text, string search, long occurrence)
    {
        if (occurrence < 1 || search.Length == 0)
        {
            return -1;
        }

        var at = -1;
        for (var seen = 0L; seen < occurrence; seen++)
        {
            at = text.IndexOf(search, at + 1, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }
        }

        return at;
    }

    private static long NonNegative(string name, ScriptValue[] args)
    {
        var count = Args.Integer(name, args, 0);
        return count >= 0 ? count : throw new ScriptRuntimeException($"{name}({count}) needs a count of 0 or more characters");
    }

    // Zoho: "If a negative value is specified [for end_index], this param will be ignored".
    private static ScriptValue[] NegativeEndIgnored(ScriptValue[] args) =>
        args.Length == 2 && args[1] is ScriptNumber { Value: < 0 } ? [args[0]] : args;
}
