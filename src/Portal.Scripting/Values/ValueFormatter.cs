using System.Globalization;
using System.Text;
using Portal.Scripting.Runtime;

namespace Portal.Scripting.Values;

/// <summary>Text form and JSON form of values, with a length cap and a depth guard against self-containing collections.</summary>
internal static class ValueFormatter
{
    public const int MaxDepth = 256;

    public static string ToDisplayString(ScriptValue value, int maxLength, CancellationToken cancellationToken = default)
    {
        switch (value)
        {
            case ScriptText text:
                return text.Value;
            case ScriptNumber number:
                return number.Value.ToString(CultureInfo.InvariantCulture);
            case ScriptDecimal dec:
                return dec.Value.ToString(CultureInfo.InvariantCulture);
            case ScriptBoolean boolean:
                return boolean.Value ? "true" : "false";
            case ScriptDateTime date:
                return FormatDate(date);
            case ScriptNull:
                return "null";
            case ScriptFile file:
                return file.Describe();
            default:
                var builder = new StringBuilder();
                AppendJson(builder, value, maxLength, 0, cancellationToken);
                return builder.ToString();
        }
    }

    public static string FormatDate(ScriptDateTime date) =>
        date.Value.ToString(date.IsDateOnly ? "dd-MMM-yyyy" : "dd-MMM-yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    public static void AppendJson(StringBuilder builder, ScriptValue value, int maxLength, int depth, CancellationToken cancellationToken = default)
    {
        if (depth > MaxDepth)
        {
            throw new ScriptRuntimeException($"value is nested more than {MaxDepth} levels deep (or contains itself); store a copy instead of the collection itself");
        }

        switch (value)
        {
            case ScriptMap map:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in map.Entries)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    AppendQuoted(builder, key);
                    builder.Append(':');
                    AppendJson(builder, item, maxLength, depth + 1, cancellationToken);
                    CheckLength(builder, maxLength);
                }

                cancellationToken.ThrowIfCancellationRequested();
                builder.Append('}');
                break;
            case ScriptList list:
                builder.Append('[');
                var items = list.Items;
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    AppendJson(builder, items[i], maxLength, depth + 1, cancellationToken);
                    CheckLength(builder, maxLength);
                }

                cancellationToken.ThrowIfCancellationRequested();
                builder.Append(']');
                break;
            case ScriptText text:
                AppendQuoted(builder, text.Value);
                break;
            case ScriptDateTime date:
                AppendQuoted(builder, FormatDate(date));
                break;
            case ScriptFile file:
                AppendQuoted(builder, file.Describe());
                break;
            case ScriptNumber number:
                builder.Append(number.Value);
                break;
            case ScriptDecimal dec:
                builder.Append(dec.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case ScriptBoolean boolean:
                builder.Append(boolean.Value ? "true" : "false");
                break;
            default:
                builder.Append("null");
                break;
        }

        CheckLength(builder, maxLength);
    }

    public static void AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        var runStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c != '"' && c != '\\')
            {
                continue;
            }

            builder.Append(text, runStart, i - runStart);
            runStart = i + 1;
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default: builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }

        builder.Append(text, runStart, text.Length - runStart);
        builder.Append('"');
    }

    private static void CheckLength(StringBuilder builder, int maxLength)
    {
        if (builder.Length > maxLength)
        {
            throw new ScriptLimitException($"text limit exceeded: the text form of this value is longer than {maxLength} characters; send or log a smaller part of it");
        }
    }
}
