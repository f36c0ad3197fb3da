using System.Text;
using System.Text.Json;
using Portal.Scripting.Values;

namespace Portal.Scripting.Tests.Values;

public sealed class ScriptValueTests
{
    [Fact]
    public void Json_objects_and_arrays_become_maps_and_lists_keeping_key_order()
    {
        using var document = JsonDocument.Parse("""{"z":1,"a":[true,null,2.50,"x"],"big":12345678901234567890123}""");

        var value = ScriptValue.FromJson(document.RootElement);

        var map = Assert.IsType<ScriptMap>(value);
        Assert.Equal(["z", "a", "big"], map.Keys);
        Assert.Equal("""{"z":1,"a":[true,null,2.50,"x"],"big":12345678901234567890123}""", value.ToJson());
        Assert.Equal(ScriptValueKind.Decimal, map["big"]!.Kind);
    }

    [Fact]
    public void WriteJson_produces_the_same_json_as_ToJson()
    {
        var value = ScriptValue.Map([new("when", ScriptValue.FromDateTime(new DateTime(2024, 1, 31), dateOnly: true)), new("n", ScriptValue.Decimal(1.50m)), new("l", ScriptValue.List([ScriptValue.Null, ScriptValue.Bool(false)]))]);
        using var stream = new MemoryStream();

        using (var writer = new Utf8JsonWriter(stream))
        {
            value.WriteJson(writer);
        }

        Assert.Equal("""{"when":"31-Jan-2024","n":1.50,"l":[null,false]}""", Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal("""{"when":"31-Jan-2024","n":1.50,"l":[null,false]}""", value.ToJson());
    }

    [Fact]
    public void Display_text_follows_the_text_form_rules()
    {
        Assert.Equal("plain", ScriptValue.Text("plain").ToDisplayString());
        Assert.Equal("\"plain\"", ScriptValue.Text("plain").ToJson());
        Assert.Equal("-42", ScriptValue.Number(-42).ToDisplayString());
        Assert.Equal("2.50", ScriptValue.Decimal(2.50m).ToDisplayString());
        Assert.Equal("null", ScriptValue.Null.ToDisplayString());
        Assert.Equal("15-Aug-1947 19:00:00", ScriptValue.FromDateTime(new DateTime(1947, 8, 15, 19, 0, 0)).ToDisplayString());
        Assert.Equal("""{"a":"é\n"}""".Replace("\n", "\\n", StringComparison.Ordinal), ScriptValue.Map([new("a", ScriptValue.Text("é\n"))]).ToDisplayString());
    }

    [Fact]
    public void Command_line_values_are_read_as_json_when_they_are_json_and_as_text_otherwise()
    {
        Assert.Equal(ScriptValueKind.Number, ScriptValue.ParseJsonOrText("42").Kind);
        Assert.Equal(ScriptValueKind.List, ScriptValue.ParseJsonOrText("[1]").Kind);
        Assert.Equal("Ann Lee", ScriptValue.ParseJsonOrText("Ann Lee").ToDisplayString());
        Assert.Equal("quoted", ScriptValue.ParseJsonOrText("\"quoted\"").ToDisplayString());
    }

    [Fact]
    public void Invalid_json_raises_a_format_exception_with_the_position()
    {
        var error = Assert.Throws<FormatException>(() => ScriptValue.ParseJson("{\"a\": }"));

        Assert.Contains("not valid JSON (line 1", error.Message, StringComparison.Ordinal);
    }
}
