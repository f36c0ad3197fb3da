using System.Text;
using System.Text.Json;
using Portal.Scripting.Runtime;

namespace Portal.Scripting.Values;

/// <summary>Parses JSON text straight into script values (no intermediate JsonDocument), with depth and size caps.</summary>
internal static class JsonValueReader
{
    public static ScriptValue Parse(string json, int maxDepth, int maxCollectionSize)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            MaxDepth = maxDepth,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        try
        {
            if (!reader.Read())
            {
                throw new ScriptRuntimeException("text is empty, not JSON; check the value before converting it");
            }

            var value = ReadValue(ref reader, maxCollectionSize);
            if (reader.Read())
            {
                throw new ScriptRuntimeException("text has extra characters after the JSON value; check the value before converting it");
            }

            return value;
        }
        catch (JsonException e)
        {
            throw new ScriptRuntimeException($"text is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}); check the value before converting it");
        }
    }

    public static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '{' or '[';
            }
        }

        return false;
    }

    private static ScriptValue ReadValue(ref Utf8JsonReader reader, int maxCollectionSize)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new ScriptMap();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    map.Entries[key] = ReadValue(ref reader, maxCollectionSize);
                    if (map.Entries.Count > maxCollectionSize)
                    {
                        throw new ScriptLimitException($"collection limit exceeded: a JSON object has more than {maxCollectionSize} entries");
                    }
                }

                return map;
            case JsonTokenType.StartArray:
                var items = new List<ScriptValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, maxCollectionSize));
                    if (items.Count > maxCollectionSize)
                    {
                        throw new ScriptLimitException($"collection limit exceeded: a JSON array has more than {maxCollectionSize} items");
                    }
                }

                return new ScriptList(items, adopt: true);
            case JsonTokenType.String:
                return new ScriptText(reader.GetString()!);
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var number))
                {
                    return ScriptNumber.Of(number);
                }

                return reader.TryGetDecimal(out var dec) ? new ScriptDecimal(dec) : new ScriptText(Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return ScriptBoolean.True;
            case JsonTokenType.False:
                return ScriptBoolean.False;
            default:
                return ScriptNull.Instance;
        }
    }
}
