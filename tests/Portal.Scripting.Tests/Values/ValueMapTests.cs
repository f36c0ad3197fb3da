using Portal.Scripting.Runtime;
using Portal.Scripting.Values;

namespace Portal.Scripting.Tests.Values;

/// <summary>The map storage: insertion order, replacement in place, removal, and the switch to an index past 8 keys.</summary>
public sealed class ValueMapTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void Keeps_insertion_order_through_replacement_and_removal(int size)
    {
        var map = new ValueMap();
        for (var i = 0; i < size; i++)
        {
            map["k" + i] = ScriptNumber.Of(i);
        }

        map["k0"] = ScriptNumber.Of(100);
        Assert.True(map.Remove("k1"));
        Assert.False(map.Remove("k1"));
        Assert.False(map.TryAdd("k2", ScriptNumber.Of(5)));
        map["k1"] = ScriptNumber.Of(1);

        var expected = new List<string> { "k0=100" };
        expected.AddRange(Enumerable.Range(2, size - 2).Select(i => $"k{i}={i}"));
        expected.Add("k1=1");
        Assert.Equal(expected, map.Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(size, map.Count);
        for (var i = 0; i < size; i++)
        {
            Assert.True(map.TryGetValue("k" + i, out var value));
            Assert.Equal(i == 0 ? 100 : i, ((ScriptNumber)value).Value);
        }

        Assert.False(map.ContainsKey("K0"));
        Assert.Equal(map.Select(p => p.Key), map.Keys.ToArray());
        Assert.Equal(map.Select(p => p.Value), map.Values);
    }

    [Fact]
    public void Removing_from_an_indexed_map_keeps_every_later_key_findable()
    {
        var map = new ValueMap(20);
        for (var i = 0; i < 20; i++)
        {
            map.Add("k" + i, ScriptNumber.Of(i));
        }

        map.Remove("k3", out var removed);
        Assert.Equal(3, ((ScriptNumber)removed!).Value);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(i != 3, map.ContainsKey("k" + i));
        }

        Assert.Equal("k4", map.Keys[3]);
        Assert.Throws<ArgumentException>(() => map.Add("k4", ScriptNull.Instance));
        map.Clear();
        Assert.Empty(map);
        map["again"] = ScriptNull.Instance;
        Assert.Equal(["again"], map.Keys.ToArray());
    }

    [Fact]
    public void Changing_the_map_while_enumerating_it_throws()
    {
        var map = new ValueMap { ["a"] = ScriptNull.Instance, ["b"] = ScriptNull.Instance };

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var pair in map)
            {
                map["c"] = ScriptNull.Instance;
            }
        });
    }

    [Fact]
    public void Each_new_key_is_charged_once_and_replacing_a_value_is_free()
    {
        var meter = new RunMemory(1_000_000);
        var previous = RunMemory.Enter(meter);
        try
        {
            var map = new ValueMap();
            map["ab"] = ScriptNull.Instance;
            map["ab"] = ScriptBoolean.True;
            map.TryAdd("ab", ScriptNull.Instance);
            map.TryAdd("cde", ScriptNull.Instance);
            Assert.Equal(2 * RunMemory.MapEntryOverhead + 2 * 5, meter.Charged);
        }
        finally
        {
            RunMemory.Enter(previous);
        }
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":3,\"b\":2}")]
    [InlineData("[\"x\",\"x\",\"é\",\"é\",\"x\\u0041\",\"xA\"]", "[\"x\",\"x\",\"é\",\"é\",\"xA\",\"xA\"]")]
    public void Json_objects_keep_the_last_of_duplicate_keys_and_repeated_texts_read_alike(string json, string expected)
    {
        Assert.Equal(expected, ScriptValue.ParseJson(json).ToJson());
    }

    [Fact]
    public void A_repeated_json_text_is_charged_like_a_distinct_one()
    {
        Assert.Equal(Charged("[\"ab\",\"cd\",{\"k\":\"cd\"}]"), Charged("[\"ab\",\"ab\",{\"k\":\"ab\"}]"));

        static long Charged(string json)
        {
            var meter = new RunMemory(1_000_000);
            var previous = RunMemory.Enter(meter);
            try
            {
                ScriptValue.ParseJson(json);
                return meter.Charged;
            }
            finally
            {
                RunMemory.Enter(previous);
            }
        }
    }

    [Fact]
    public void A_list_built_at_its_exact_size_is_charged_as_if_grown_item_by_item()
    {
        for (var n = 0; n < 40; n++)
        {
            var items = Enumerable.Range(0, n).Select(i => (ScriptValue)ScriptNumber.Of(i)).ToArray();
            var (grown, grownList) = Metered(() =>
            {
                var list = new ValueList();
                foreach (var item in items)
                {
                    list.Add(item);
                }

                return list;
            });
            var (exact, exactList) = Metered(() => ValueList.Of(items));
            Assert.Equal(grown, exact);
            Assert.Equal(grownList, exactList);
        }
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":2,\"a\":3,\"a\":4}", true)]
    [InlineData("{\"a\":1,\"b\":2,\"c\":3,\"a\":4}", true)]
    [InlineData("{\"a\":1,\"b\":2,\"c\":3,\"a\":4,\"d\":5}", false)]
    [InlineData("[1,2,3]", true)]
    [InlineData("[1,2,3,4]", false)]
    public void The_json_collection_limit_counts_distinct_keys_and_items(string json, bool fits)
    {
        var error = Record.Exception(() => JsonValueReader.Parse(json, 64, 3));

        Assert.Equal(fits, error is null);
    }

    private static (long Charged, T Value) Metered<T>(Func<T> build)
    {
        var meter = new RunMemory(1_000_000);
        var previous = RunMemory.Enter(meter);
        try
        {
            var value = build();
            return (meter.Charged, value);
        }
        finally
        {
            RunMemory.Enter(previous);
        }
    }
}
