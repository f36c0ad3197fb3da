using System.Globalization;
using Jint;
using Jint.Native;
using Portal.Scripting.Values;

namespace Portal.Benchmarks.Workloads;

/// <summary>Workload 2: building a 10k-entry map and a list of 10k maps.</summary>
public class MapBuilding : WorkloadBase
{
    private readonly long[] _ids = Enumerable.Range(0, 10_000).Select(i => (long)i).ToArray();

    protected override string Deluge => """
        index = Map();
        rows = List();
        for each i in ids {
          index.put("key" + i, i);
          row = Map();
          row.put("id", i);
          row.put("name", "Name " + i);
          row.put("active", i % 2 == 0);
          rows.add(row);
        }
        return index.size() + rows.size() + rows.get(9999).get("id");
        """;

    protected override string JavaScript => """
        const index = {};
        const rows = [];
        for (const i of ids) {
          index["key" + i] = i;
          rows.push({ id: i, name: "Name " + i, active: i % 2 === 0 });
        }
        return Object.keys(index).length + rows.length + rows[9999].id;
        """;

    protected override Dictionary<string, ScriptValue> DelugeArguments() =>
        new() { ["ids"] = ScriptValue.List(_ids.Select(ScriptValue.Number)) };

    protected override void SetJavaScriptArguments(Engine engine) => engine.SetValue("ids", new JsArray(engine, _ids.Select(n => (JsValue)JsNumber.Create(n)).ToArray()));

    protected override string RunCSharp()
    {
        var index = new Dictionary<string, long>();
        var rows = new List<Dictionary<string, object>>();
        foreach (var i in _ids)
        {
            index["key" + i.ToString(CultureInfo.InvariantCulture)] = i;
            rows.Add(new Dictionary<string, object> { ["id"] = i, ["name"] = "Name " + i.ToString(CultureInfo.InvariantCulture), ["active"] = i % 2 == 0 });
        }

        return (index.Count + rows.Count + (long)rows[9999]["id"]).ToString(CultureInfo.InvariantCulture);
    }
}
