using System.Text;
using System.Text.Json;

namespace Portal.Scripting.Values;

/// <summary>A value of the script language: NUMBER, DECIMAL, BOOLEAN, TEXT, DATE-TIME, LIST, MAP, FILE or NULL.</summary>
public abstract class ScriptValue
{
    // No field for the kind: every value object is 8 bytes smaller (numbers, texts and records are allocated in bulk).
    private protected ScriptValue()
    {
    }

    public abstract ScriptValueKind Kind { get; }

    public static ScriptValue Null => ScriptNull.Instance;

    public static ScriptValue True => ScriptBoolean.True;

    public static ScriptValue False => ScriptBoolean.False;

    public static ScriptValue Text(string value) => new ScriptText(value);

    public static ScriptValue Number(long value) => ScriptNumber.Of(value);

    public static ScriptValue Decimal(decimal value) => new ScriptDecimal(value);

    public static ScriptValue Bool(bool value) => value ? ScriptBoolean.True : ScriptBoolean.False;

    public static ScriptValue FromDateTime(DateTime value, bool dateOnly = false) => new ScriptDateTime(value, dateOnly);

    public static ScriptMap Map(IEnumerable<KeyValuePair<string, ScriptValue>>? entries = null)
    {
        var map = new ScriptMap();
        foreach (var (key, value) in entries ?? [])
        {
            map.Set(key, value);
        }

        return map;
    }

    public static ScriptList List(IEnumerable<ScriptValue>? items = null) => new(items ?? []);

    /// <summary>The language's name for this value's type, as used in error messages.</summary>
    public string TypeName => Kind switch
    {
        ScriptValueKind.DateTime => "DATE-TIME",
        _ => Kind.ToString().ToUpperInvariant(),
    };

    public static ScriptValue FromJson(JsonElement element) => JsonConversion.FromElement(element, 0);

    /// <summary>Parses JSON text; objects become MAPs, arrays LISTs. Throws <see cref="FormatException"/> on invalid JSON.</summary>
    public static ScriptValue ParseJson(string json)
    {
        try
        {
            return JsonValueReader.Parse(json, 256, int.MaxValue);
        }
        catch (Runtime.ScriptRuntimeException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    /// <summary>Reads a command-line style value: valid JSON (42, true, {"a":1}, "x") as that value, anything else as TEXT.</summary>
    public static ScriptValue ParseJsonOrText(string value)
    {
        try
        {
            return JsonValueReader.Parse(value, 256, int.MaxValue);
        }
        catch (Runtime.ScriptRuntimeException)
        {
            return new ScriptText(value);
        }
    }

    /// <summary>How a returned value is shown (CLI and editor): TEXT as is, everything else as JSON.</summary>
    public string ToResultString() => this is ScriptText text ? text.Value : ToJson();

    /// <summary>The JSON form: TEXT is quoted, MAP/LIST as JSON, DATE-TIME as its quoted text form.</summary>
    public string ToJson()
    {
        var builder = new StringBuilder();
        ValueFormatter.AppendJson(builder, this, int.MaxValue, 0);
        return builder.ToString();
    }

    public void WriteJson(Utf8JsonWriter writer) => JsonConversion.Write(writer, this, 0);

    /// <summary>The text form used by info, toString() and concatenation (src/docs/LANGUAGE.md, "Values", text form).</summary>
    public string ToDisplayString() => ValueFormatter.ToDisplayString(this, int.MaxValue);

    public override string ToString() => ToDisplayString();
}
