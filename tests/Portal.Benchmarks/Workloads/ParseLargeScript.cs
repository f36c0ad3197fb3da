using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Portal.Scripting;

namespace Portal.Benchmarks.Workloads;

/// <summary>Parsing (with full diagnostics) a 5,000-line script, as the editor does on every keystroke.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class ParseLargeScript
{
    private string _source = string.Empty;

    [GlobalSetup]
    public void Setup() => _source = Build(5000);

    public static string Build(int lines)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < lines; i += 10)
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"record{i} = Map();");
            builder.AppendLine(CultureInfo.InvariantCulture, $"record{i}.put(\"name\", \"Item \" + {i});");
            builder.AppendLine(CultureInfo.InvariantCulture, $"if (record{i}.get(\"name\").length() > 3 && {i} % 2 == 0) {{");
            builder.AppendLine(CultureInfo.InvariantCulture, $"  info record{i}.toString() + \" is even\";");
            builder.AppendLine("} else {");
            builder.AppendLine(CultureInfo.InvariantCulture, $"  total = ifnull(total, 0) + {i} * 2;");
            builder.AppendLine("}");
            builder.AppendLine(CultureInfo.InvariantCulture, $"for each item in record{i}.keys() {{");
            builder.AppendLine("  // walk the keys");
            builder.AppendLine("}");
        }

        return builder.ToString();
    }

    [Benchmark(Description = "parse 5,000 lines")]
    public int Parse() => ScriptEngine.Parse(_source).Diagnostics.Count;
}
