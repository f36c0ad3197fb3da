using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime.Builtins;

internal static class TextMethods
{
    public static ScriptValue? Call(RunState state, MethodId id, string name, string text, ScriptValue[] args)
    {
        switch (id)
        {
            case MethodId.Length:
            case MethodId.Size:
                Args.Count(name, args, 0, 0);
                return ScriptNumber.Of(text.Length);
            case MethodId.Contains:
                Args.Count(name, args, 1, 1);
                return Args.Bool(text.Contains(Args.Text(state, args, 0), StringComparison.Ordinal));
            case MethodId.StartsWith:
                Args.Count(name, args, 1, 1);
                return Args.Bool(text.StartsWith(Args.Text(state, args, 0), StringComparison.Ordinal));
            case MethodId.EndsWith:
                Args.Count(name, args, 1, 1);
                return Args.Bool(text.EndsWith(Args.Text(state, args, 0), StringComparison.Ordinal));
            case MethodId.IndexOf:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of(text.IndexOf(Args.Text(state, args, 0), StringComparison.Ordinal));
            case MethodId.LastIndexOf:
                Args.Count(name, args, 1, 1);
                return ScriptNumber.Of(text.LastIndexOf(Args.Text(state, args, 0), StringComparison.Ordinal));
            case MethodId.Substring:
                Args.Count(name, args, 1, 2);
                var from = Args.Integer(name, args, 0);
                var to = args.Length > 1 ? Args.Integer(name, args, 1) : text.Length;
                if (from < 0 || to > text.Length || from > to)
                {
                    throw new ScriptRuntimeException($"{name}({from}, {to}) is outside the text of length {text.Length}; use 0 ≤ from ≤ to ≤ length()");
                }

                return new ScriptText(text.Substring((int)from, (int)(to - from)));
            case MethodId.GetPrefix:
                Args.Count(name, args, 1, 1);
                var prefixAt = text.IndexOf(Args.Text(state, args, 0), StringComparison.Ordinal);
                return prefixAt < 0 ? ScriptNull.Instance : new ScriptText(text[..prefixAt]);
            case MethodId.GetSuffix:
                Args.Count(name, args, 1, 1);
                var marker = Args.Text(state, args, 0);
                var suffixAt = text.IndexOf(marker, StringComparison.Ordinal);
                return suffixAt < 0 ? ScriptNull.Instance : new ScriptText(text[(suffixAt + marker.Length)..]);
            case MethodId.ReplaceAll:
            case MethodId.ReplaceFirst:
                Args.Count(name, args, 2, 3);
                return Replace(state, text, Args.Text(state, args, 0), Args.Text(state, args, 1), Args.Boolean(name, args, 2, false), id == MethodId.ReplaceAll);
            case MethodId.Remove:
                Args.Count(name, args, 1, 1);
                var removeAll = Args.Text(state, args, 0);
                return new ScriptText(removeAll.Length == 0 ? text : text.Replace(removeAll, string.Empty, StringComparison.Ordinal));
            case MethodId.RemoveFirstOccurence:
                Args.Count(name, args, 1, 1);
                var removeFirst = Args.Text(state, args, 0);
                var firstAt = removeFirst.Length == 0 ? -1 : text.IndexOf(removeFirst, StringComparison.Ordinal);
                return new ScriptText(firstAt < 0 ? text : text.Remove(firstAt, removeFirst.Length));
            case MethodId.ToUpperCase:
                Args.Count(name, args, 0, 0);
                return new ScriptText(text.ToUpperInvariant());
            case MethodId.ToLowerCase:
                Args.Count(name, args, 0, 0);
                return new ScriptText(text.ToLowerInvariant());
            case MethodId.Trim:
                Args.Count(name, args, 0, 0);
                return new ScriptText(text.Trim());
            case MethodId.LeftPad:
            case MethodId.RightPad:
                Args.Count(name, args, 1, 1);
                var width = Args.Integer(name, args, 0);
                state.CheckTextLength(width);
                var padded = id == MethodId.LeftPad ? text.PadLeft((int)Math.Max(0, width)) : text.PadRight((int)Math.Max(0, width));
                return new ScriptText(padded);
            case MethodId.EqualsIgnoreCase:
                Args.Count(name, args, 1, 1);
                return Args.Bool(string.Equals(text, Args.Text(state, args, 0), StringComparison.OrdinalIgnoreCase));
            case MethodId.Matches:
                Args.Count(name, args, 1, 1);
                return Args.Bool(Regex.IsMatch(text, "^(?:" + Args.Text(state, args, 0) + ")$", RegexOptions.None, state.Limits.RegexTimeout));
            case MethodId.ToList:
                Args.Count(name, args, 0, 1);
                var separator = args.Length == 0 ? "," : Args.Text(state, args, 0);
                if (text.Length == 0)
                {
                    return new ScriptList();
                }

                // Count first so a hostile separator cannot allocate millions of parts before the size check.
                state.CheckCollectionSize(separator.Length == 0 ? text.Length : CountOccurrences(text, separator) + 1L);
                var parts = separator.Length == 0 ? text.Select(c => c.ToString()).ToArray() : text.Split(separator);
                return new ScriptList(parts.Select(p => (ScriptValue)new ScriptText(p)).ToList(), adopt: true);
            case MethodId.ToMap:
                Args.Count(name, args, 0, 0);
                return ParseJson(state, text) as ScriptMap ?? throw new ScriptRuntimeException("toMap() needs text holding a JSON object like {\"a\":1}; this text is a different JSON value");
            case MethodId.ToJsonList:
                Args.Count(name, args, 0, 0);
                return ToJsonList(state, text);
            case MethodId.GetJson:
                Args.Count(name, args, 1, 1);
                var json = ParseJson(state, text);
                return json is ScriptMap map && map.Entries.TryGetValue(Args.Text(state, args, 0), out var found) ? found : ScriptNull.Instance;
            case MethodId.ToLong:
            case MethodId.ToNumber:
                Args.Count(name, args, 0, 0);
                if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return ScriptNumber.Of(number);
                }

                return decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var truncated)
                    ? ScriptNumber.Of(checked((long)decimal.Truncate(truncated)))
                    : throw new ScriptRuntimeException($"\"{Clip(text)}\" is not a number; check it with isNumber() before converting");
            case MethodId.ToDecimal:
                Args.Count(name, args, 0, 0);
                return decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var dec)
                    ? new ScriptDecimal(dec)
                    : throw new ScriptRuntimeException($"\"{Clip(text)}\" is not a decimal number; check it with isNumber() before converting");
            case MethodId.ToDate:
            case MethodId.ToDateTime:
                Args.Count(name, args, 0, 1);
                ScriptDateTime date;
                if (args.Length == 1)
                {
                    var pattern = Args.Text(state, args, 0);
                    if (!DateTimeText.TryParseExact(text, pattern, out date))
                    {
                        throw new ScriptRuntimeException($"\"{Clip(text)}\" does not match the date pattern \"{pattern}\"; check the pattern letters (dd-MM-yyyy, MM/dd/yyyy HH:mm …)");
                    }
                }
                else if (!DateTimeText.TryParse(text, out date))
                {
                    throw new ScriptRuntimeException($"\"{Clip(text)}\" is not a date; write it like 15-Aug-1947, 15-Aug-1947 19:00:00 or 2024-01-31, or pass its pattern: toDate(\"dd-MM-yyyy\")");
                }

                return id == MethodId.ToDate ? new ScriptDateTime(date.Value.Date, true) : new ScriptDateTime(date.Value, false);
            case MethodId.IsEmpty:
                Args.Count(name, args, 0, 0);
                return Args.Bool(text.Length == 0);
            case MethodId.IsNumber:
                Args.Count(name, args, 0, 0);
                return Args.Bool(decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out _));
            default:
                return null;
        }
    }

    public static ScriptValue ParseJson(RunState state, string text) =>
        JsonValueReader.Parse(text, ValueFormatter.MaxDepth, state.Limits.MaxCollectionSize);

    public static ScriptList ToJsonList(RunState state, string text) =>
        ParseJson(state, text) as ScriptList ?? throw new ScriptRuntimeException("toJSONList() needs text holding a JSON array like [1,2]; this text is a different JSON value");

    private static ScriptText Replace(RunState state, string text, string search, string replacement, bool literal, bool all)
    {
        if (literal)
        {
            if (search.Length == 0)
            {
                return new ScriptText(text);
            }

            if (!all)
            {
                var at = text.IndexOf(search, StringComparison.Ordinal);
                return new ScriptText(at < 0 ? text : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + search.Length)));
            }

            var occurrences = CountOccurrences(text, search);
            state.CheckTextLength(text.Length + (long)occurrences * replacement.Length);
            return new ScriptText(text.Replace(search, replacement, StringComparison.Ordinal));
        }

        var regex = new Regex(search, RegexOptions.None, state.Limits.RegexTimeout);
        var matches = all ? regex.Count(text) : Math.Min(1, regex.Count(text));
        state.CheckTextLength(text.Length + (long)matches * Math.Max(replacement.Length, 1) * 4);
        return new ScriptText(all ? regex.Replace(text, replacement) : regex.Replace(text, replacement, 1));
    }

    private static int CountOccurrences(string text, string search)
    {
        var count = 0;
        var index = 0;
        while ((index = text.IndexOf(search, index, StringComparison.Ordinal)) >= 0)
        {
            count++;
            index += search.Length;
        }

        return count;
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
