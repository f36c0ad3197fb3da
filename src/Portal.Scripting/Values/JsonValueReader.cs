using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Portal.Scripting.Runtime;

namespace Portal.Scripting.Values;

/// <summary>Parses JSON text straight into script values (no intermediate JsonDocument), with depth and size caps.</summary>
internal static class JsonValueReader
{
    public static ScriptValue Parse(string json, int maxDepth, int maxCollectionSize)
    {
        // API responses are often near 1 MB: a pooled buffer avoids a fresh large-object-heap array per parse.
        var length = Encoding.UTF8.GetByteCount(json);
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            Encoding.UTF8.GetBytes(json, bytes);
            return Parse(bytes.AsSpan(0, length), maxDepth, maxCollectionSize);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static ScriptValue Parse(ReadOnlySpan<byte> bytes, int maxDepth, int maxCollectionSize)
    {
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

            var value = ReadValue(ref reader, maxCollectionSize, new StringCache());
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

    private static ScriptValue ReadValue(ref Utf8JsonReader reader, int maxCollectionSize, StringCache cache)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, maxCollectionSize, cache);
            case JsonTokenType.StartArray:
                // Items are gathered on a shared stack so the list is built at its exact size (charged as if grown).
                var first = cache.ItemCount;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    cache.PushItem(ReadValue(ref reader, maxCollectionSize, cache));
                    if (cache.ItemCount - first > maxCollectionSize)
                    {
                        throw new ScriptLimitException($"collection limit exceeded: a JSON array has more than {maxCollectionSize} items");
                    }
                }

                var items = ValueList.Of(cache.Items.AsSpan(first, cache.ItemCount - first));
                cache.PopItems(first);
                return new ScriptList(items, adopt: true);
            case JsonTokenType.String:
                return cache.GetText(ref reader);
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

    // Members are gathered on a shared stack so the map is built at its exact size; it is charged as a map for 8 entries
    // plus each distinct key, as before. A later duplicate key replaces the value and keeps the first one's place.
    private static ScriptMap ReadObject(ref Utf8JsonReader reader, int maxCollectionSize, StringCache cache)
    {
        RunMemory.Charge(8L * RunMemory.MapEntryOverhead);
        var first = cache.PairCount;
        HashSet<string>? distinct = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = cache.Get(ref reader);
            reader.Read();
            cache.PushPair(key, ReadValue(ref reader, maxCollectionSize, cache));
            if (cache.PairCount - first > maxCollectionSize)
            {
                if (distinct is null)
                {
                    distinct = new HashSet<string>(StringComparer.Ordinal);
                    for (var i = first; i < cache.PairCount; i++)
                    {
                        distinct.Add(cache.Keys[i]);
                    }
                }
                else
                {
                    distinct.Add(key);
                }

                if (distinct.Count > maxCollectionSize)
                {
                    throw new ScriptLimitException($"collection limit exceeded: a JSON object has more than {maxCollectionSize} entries");
                }
            }
        }

        var count = cache.PairCount - first;
        var entries = new ValueMap(count, charge: false);
        for (var i = first; i < cache.PairCount; i++)
        {
            entries[cache.Keys[i]] = cache.Values[i];
        }

        cache.PopPairs(first);
        return new ScriptMap(entries);
    }

    /// <summary>
    /// Per-parse state. API responses repeat the same keys and short values; reuse their strings (and, for values, their TEXT objects)
    /// instead of decoding each again. A reused TEXT is charged to the run's budget like a new one.
    /// </summary>
    private sealed class StringCache
    {
        private const int Size = 256;
        private const int MaxCachedBytes = 24;
        private readonly string?[] _strings = new string[Size];
        private readonly ScriptText?[] _texts = new ScriptText[Size];

        public string[] Keys { get; private set; } = new string[16];

        public ScriptValue[] Values { get; private set; } = new ScriptValue[16];

        public int PairCount { get; private set; }

        public ScriptValue[] Items { get; private set; } = new ScriptValue[16];

        public int ItemCount { get; private set; }

        public void PushPair(string key, ScriptValue value)
        {
            if (PairCount == Keys.Length)
            {
                var keys = Keys;
                var values = Values;
                Array.Resize(ref keys, keys.Length * 2);
                Array.Resize(ref values, values.Length * 2);
                (Keys, Values) = (keys, values);
            }

            Keys[PairCount] = key;
            Store(Values, PairCount++, value);
        }

        public void PopPairs(int first)
        {
            Array.Clear(Keys, first, PairCount - first);
            Array.Clear(Values, first, PairCount - first);
            PairCount = first;
        }

        public void PushItem(ScriptValue value)
        {
            if (ItemCount == Items.Length)
            {
                var items = Items;
                Array.Resize(ref items, items.Length * 2);
                Items = items;
            }

            Store(Items, ItemCount++, value);
        }

        public void PopItems(int first)
        {
            Array.Clear(Items, first, ItemCount - first);
            ItemCount = first;
        }

        public string Get(ref Utf8JsonReader reader)
        {
            if (!Cacheable(ref reader))
            {
                return reader.GetString()!;
            }

            var slot = Slot(reader.ValueSpan);
            if (_strings[slot] is { } cached && Ascii.Equals(reader.ValueSpan, cached))
            {
                return cached;
            }

            var text = reader.GetString()!;
            _strings[slot] = text;
            _texts[slot] = null;
            return text;
        }

        public ScriptText GetText(ref Utf8JsonReader reader)
        {
            if (!Cacheable(ref reader))
            {
                return new ScriptText(reader.GetString()!);
            }

            var slot = Slot(reader.ValueSpan);
            if (_strings[slot] is { } cached && Ascii.Equals(reader.ValueSpan, cached))
            {
                if (_texts[slot] is { } shared)
                {
                    RunMemory.ChargeText(shared.Length);
                    return shared;
                }

                return _texts[slot] = new ScriptText(cached);
            }

            var text = reader.GetString()!;
            _strings[slot] = text;
            return _texts[slot] = new ScriptText(text);
        }

        // index is within the array (checked by the caller's growth); a plain write skips the array's store type check.
        private static void Store(ScriptValue[] array, int index, ScriptValue value) =>
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index) = value;

        private static bool Cacheable(ref Utf8JsonReader reader) =>
            !reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= MaxCachedBytes;

        private static int Slot(ReadOnlySpan<byte> span) =>
            (int)((uint)HashCode.Combine(span.Length, span.Length > 0 ? span[0] : 0, span.Length > 1 ? span[^1] : 0, span.Length > 2 ? span[span.Length / 2] : 0) % Size);
    }
}
