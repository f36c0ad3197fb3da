using System.Text.Json;
using Portal.Scripting.Runtime;

namespace Portal.Scripting.Values;

/// <summary>Conversion between System.Text.Json elements/writers and script values.</summary>
internal static class JsonConversion
{
    public static ScriptValue FromElement(JsonElement element, int depth)
    {
        if (depth > ValueFormatter.MaxDepth)
        {
            throw new FormatException($"JSON is nested more than {ValueFormatter.MaxDepth} levels deep");
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new ScriptMap();
                foreach (var property in element.EnumerateObject())
                {
                    map.Entries[property.Name] = FromElement(property.Value, depth + 1);
                }

                return map;
            case JsonValueKind.Array:
                var list = new ScriptList();
                foreach (var item in element.EnumerateArray())
                {
                    list.Items.Add(FromElement(item, depth + 1));
                }

                return list;
            case JsonValueKind.String:
                return new ScriptText(element.GetString()!);
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var number))
                {
                    return ScriptNumber.Of(number);
                }

                return element.TryGetDecimal(out var dec) ? new ScriptDecimal(dec) : new ScriptText(element.GetRawText());
            case JsonValueKind.True:
                return ScriptBoolean.True;
            case JsonValueKind.False:
                return ScriptBoolean.False;
            default:
                return ScriptNull.Instance;
        }
    }

    public static void Write(Utf8JsonWriter writer, ScriptValue value, int depth)
    {
        if (depth > ValueFormatter.MaxDepth)
        {
            throw new ScriptRuntimeException($"value is nested more than {ValueFormatter.MaxDepth} levels deep (or contains itself)");
        }

        switch (value)
        {
            case ScriptMap map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case ScriptList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            case ScriptText text:
                writer.WriteStringValue(text.Value);
                break;
            case ScriptNumber number:
                writer.WriteNumberValue(number.Value);
                break;
            case ScriptDecimal dec:
                writer.WriteNumberValue(dec.Value);
                break;
            case ScriptBoolean boolean:
                writer.WriteBooleanValue(boolean.Value);
                break;
            case ScriptDateTime date:
                writer.WriteStringValue(ValueFormatter.FormatDate(date));
                break;
            case ScriptFile file:
                writer.WriteStringValue(file.Describe());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
