using System.Globalization;
using System.Text;
using System.Text.Json;
using Jint;
using Portal.Scripting.Values;

namespace Portal.Benchmarks.Workloads;

/// <summary>Workload 4: parsing a ~1 MB JSON API response and walking its records.</summary>
public class JsonWalk : WorkloadBase
{
    private string _json = string.Empty;

    protected override string Deluge => """
        response = body.toMap();
        total = 0;
        open = 0;
        tagged = 0;
        for each rec in response.get("data") {
          total = total + rec.get("amount");
          if (rec.get("status") == "open") {
            open = open + 1;
          }
          if (rec.get("tags").contains("vip")) {
            tagged = tagged + rec.get("owner").get("id");
          }
        }
        return total + open + tagged;
        """;

    protected override string JavaScript => """
        const response = JSON.parse(body);
        let total = 0, open = 0, tagged = 0;
        for (const rec of response.data) {
          total = total + rec.amount;
          if (rec.status === "open") {
            open = open + 1;
          }
          if (rec.tags.includes("vip")) {
            tagged = tagged + rec.owner.id;
          }
        }
        return total + open + tagged;
        """;

    protected override void Prepare()
    {
        var builder = new StringBuilder("{\"data\":[");
        for (var i = 0; builder.Length < 1_000_000; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"{i}\",\"name\":\"Customer number {i}\",\"status\":\"{(i % 3 == 0 ? "open" : "closed")}\",\"amount\":{i % 500},\"tags\":[\"a\",\"{(i % 7 == 0 ? "vip" : "std")}\"],\"owner\":{{\"id\":{i % 10},\"email\":\"owner{i % 10}@example.com\"}}}}");
        }

        _json = builder.Append("],\"info\":{\"more_records\":false}}").ToString();
    }

    protected override Dictionary<string, ScriptValue> DelugeArguments() => new() { ["body"] = ScriptValue.Text(_json) };

    protected override void SetJavaScriptArguments(Engine engine) => engine.SetValue("body", _json);

    protected override string RunCSharp()
    {
        using var document = JsonDocument.Parse(_json);
        long total = 0, open = 0, tagged = 0;
        foreach (var rec in document.RootElement.GetProperty("data").EnumerateArray())
        {
            total += rec.GetProperty("amount").GetInt64();
            if (rec.GetProperty("status").ValueEquals("open"))
            {
                open++;
            }

            if (rec.GetProperty("tags").EnumerateArray().Any(t => t.ValueEquals("vip")))
            {
                tagged += rec.GetProperty("owner").GetProperty("id").GetInt64();
            }
        }

        return (total + open + tagged).ToString(CultureInfo.InvariantCulture);
    }
}
