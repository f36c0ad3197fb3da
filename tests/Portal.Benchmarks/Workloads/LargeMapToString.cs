using System.Globalization;
using System.Text.Json;
using Jint;
using Portal.Scripting.Values;

namespace Portal.Benchmarks.Workloads;

/// <summary>Workload 5: toString() (JSON text) of a large map of nested records.</summary>
public class LargeMapToString : WorkloadBase
{
    private const string Json = "{\"records\":[RECORDS]}";
    private string _json = string.Empty;
    private Dictionary<string, object> _native = [];

    protected override string Deluge => """
        text = data.toString();
        return text.length();
        """;

    protected override string JavaScript => """
        const text = JSON.stringify(data);
        return text.length;
        """;

    protected override void Prepare()
    {
        var records = Enumerable.Range(0, 10_000).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":{i},\"name\":\"Record {i}\",\"active\":{(i % 2 == 0 ? "true" : "false")},\"tags\":[\"x\",\"y\"],\"address\":{{\"city\":\"Pune\",\"zip\":\"4110{i % 100}\"}}}}"));
        _json = Json.Replace("RECORDS", string.Join(",", records), StringComparison.Ordinal);
        _native = JsonSerializer.Deserialize<Dictionary<string, object>>(_json)!;
    }

    protected override Dictionary<string, ScriptValue> DelugeArguments() => new() { ["data"] = ScriptValue.ParseJson(_json) };

    protected override void SetJavaScriptArguments(Engine engine) => engine.Execute("var data = " + _json + ";");

    protected override string RunCSharp() => JsonSerializer.Serialize(_native).Length.ToString(CultureInfo.InvariantCulture);
}
