using System.Globalization;
using Jint;
using Jint.Native;
using Portal.Scripting.Values;

namespace Portal.Benchmarks.Workloads;

/// <summary>Workload 1: an arithmetic loop over a 100k-item list.</summary>
public class ArithmeticLoop : WorkloadBase
{
    private readonly long[] _numbers = Enumerable.Range(0, 100_000).Select(i => (long)i).ToArray();

    protected override string Deluge => """
        total = 0;
        for each x in items {
          total = total + x * 3 % 7 - 1;
          if (x % 1000 == 0) {
            total = total + 1;
          }
        }
        return total;
        """;

    protected override string JavaScript => """
        let total = 0;
        for (const x of items) {
          total = total + x * 3 % 7 - 1;
          if (x % 1000 === 0) {
            total = total + 1;
          }
        }
        return total;
        """;

    protected override Dictionary<string, ScriptValue> DelugeArguments() =>
        new() { ["items"] = ScriptValue.List(_numbers.Select(ScriptValue.Number)) };

    protected override void SetJavaScriptArguments(Engine engine) => engine.SetValue("items", new JsArray(engine, _numbers.Select(n => (JsValue)JsNumber.Create(n)).ToArray()));

    protected override string RunCSharp()
    {
        // checked, like the script: its NUMBER arithmetic stops with an error on overflow.
        long total = 0;
        foreach (var x in _numbers)
        {
            total = checked(total + x * 3 % 7 - 1);
            if (x % 1000 == 0)
            {
                total = checked(total + 1);
            }
        }

        return total.ToString(CultureInfo.InvariantCulture);
    }
}
