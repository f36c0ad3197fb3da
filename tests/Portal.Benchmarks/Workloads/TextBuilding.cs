using System.Globalization;
using System.Text;
using Jint;
using Jint.Native;
using Portal.Scripting.Values;

namespace Portal.Benchmarks.Workloads;

/// <summary>Workload 3: building a long text and running text methods over it and its parts.</summary>
public class TextBuilding : WorkloadBase
{
    private readonly long[] _ids = Enumerable.Range(0, 10_000).Select(i => (long)i).ToArray();

    protected override string Deluge => """
        s = "";
        for each i in ids {
          s = s + "item-" + i + ",";
        }
        parts = s.toList(",");
        hits = 0;
        for each p in parts {
          if (p.contains("9") && p.startsWith("item")) {
            hits = hits + p.length();
          }
        }
        upper = s.toUpperCase();
        replaced = s.replaceAll("item-", "#", true);
        return hits + upper.indexOf("ITEM-5000") + replaced.length();
        """;

    protected override string JavaScript => """
        let s = "";
        for (const i of ids) {
          s = s + "item-" + i + ",";
        }
        const parts = s.split(",");
        let hits = 0;
        for (const p of parts) {
          if (p.includes("9") && p.startsWith("item")) {
            hits = hits + p.length;
          }
        }
        const upper = s.toUpperCase();
        const replaced = s.replaceAll("item-", "#");
        return hits + upper.indexOf("ITEM-5000") + replaced.length;
        """;

    protected override Dictionary<string, ScriptValue> DelugeArguments() =>
        new() { ["ids"] = ScriptValue.List(_ids.Select(ScriptValue.Number)) };

    protected override void SetJavaScriptArguments(Engine engine) => engine.SetValue("ids", new JsArray(engine, _ids.Select(n => (JsValue)JsNumber.Create(n)).ToArray()));

    protected override string RunCSharp()
    {
        var builder = new StringBuilder();
        foreach (var i in _ids)
        {
            builder.Append("item-").Append(i).Append(',');
        }

        var s = builder.ToString();
        var hits = 0;
        foreach (var p in s.Split(','))
        {
            if (p.Contains('9', StringComparison.Ordinal) && p.StartsWith("item", StringComparison.Ordinal))
            {
                hits += p.Length;
            }
        }

        var upper = s.ToUpperInvariant();
        var replaced = s.Replace("item-", "#", StringComparison.Ordinal);
        return (hits + upper.IndexOf("ITEM-5000", StringComparison.Ordinal) + replaced.Length).ToString(CultureInfo.InvariantCulture);
    }
}
