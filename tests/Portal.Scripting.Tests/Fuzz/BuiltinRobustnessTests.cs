using System.Diagnostics;
using Portal.Scripting.Catalog;
using Portal.Scripting.Tests.Support;

namespace Portal.Scripting.Tests.Fuzz;

public sealed class BuiltinRobustnessTests
{
    private static readonly string[] Receivers =
    [
        "\"abc\"", "\"\"", "\"5a6f\"", "0", "(-7)", "9223372036854775807", "2.5", "'01-Jan-2024 10:00:00'", "'01-Jan-0001'", "'31-Dec-9999'",
        "{3, 1, 2}", "{\"a\": 1}", "List()", "null", "\"a,b\".toFile(\"a.csv\")", "toFile(\"\", \"empty\")",
    ];

    private static readonly string[] Arguments =
    [
        "null", "\"\"", "\"abc\"", "0", "(-1)", "9223372036854775807", "(-9223372036854775807)", "1.5", "(-0.5)", "1000000000",
        "'01-Jan-2024'", "'31-Dec-9999 23:59:59'", "{1, 2}", "{\"a\": 1}", "List()", "\"[1,2]\"", "\"dd-MM-yyyy\"", "\"Sunday\"", "true",
        "\"a\".toFile(\"f.bin\")", "\"#,##0.00\"", "\"<a><b>1</b></a>\"", "\"(a+)+$\"", "\"/a/b\"", "{\"start\": \"25:00\", \"end\": \"x\"}", "\"Europe/Paris\"",
    ];

    [Fact]
    public async Task Every_built_in_called_on_every_kind_of_value_with_hostile_arguments_ends_with_a_value_or_a_script_error()
    {
        var random = new Random(20261203);
        var limits = new ScriptLimits { MaxStatements = 1_000, Timeout = TimeSpan.FromSeconds(2), MaxTextLength = 100_000, MaxCollectionSize = 10_000, MaxOutputBytes = 100_000 };
        var host = TestHost.Create();
        var slowest = TimeSpan.Zero;
        var runs = 0;
        var calls = BuiltinCatalog.All.Where(e => e.IsMethod)
            .SelectMany(e => Receivers.Select(r => (Call: r + "." + e.Name, e.MinArgs, e.MaxArgs)))
            .Concat(BuiltinCatalog.All.Where(e => e.Receiver == BuiltinReceiver.Global).Select(e => (Call: e.Name, e.MinArgs, e.MaxArgs)));

        foreach (var (call, min, max) in calls)
        {
            for (var sample = 0; sample < 8; sample++)
            {
                var count = random.Next(min, Math.Min(max, min + 2) + 1);
                var source = $"return {call}({string.Join(", ", Enumerable.Range(0, count).Select(_ => Arguments[random.Next(Arguments.Length)]))});";
                var script = ScriptEngine.Compile(source, limits);
                if (!script.Success)
                {
                    continue;
                }

                var watch = Stopwatch.StartNew();
                var result = await ScriptEngine.RunAsync(script, null, host, limits);
                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                runs++;
                Assert.False(result.Error?.Message.StartsWith("internal error", StringComparison.Ordinal) ?? false, $"{result.Error}\n--- input ---\n{source}");
            }
        }

        Assert.True(runs > 5_000, $"only {runs} calls ran");
        Assert.True(slowest < TimeSpan.FromSeconds(3), $"the slowest call took {slowest}");
    }
}
