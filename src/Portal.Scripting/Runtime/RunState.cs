using System.Text;
using Portal.Scripting.Http;
using Portal.Scripting.Text;
using Portal.Scripting.Values;

namespace Portal.Scripting.Runtime;

/// <summary>Counters and budgets shared by a run and every nested standalone call (SEC-26).</summary>
internal sealed class RunState(ScriptLimits limits, ScriptHost host, CancellationToken deadline, CancellationToken callerToken)
{
    // Total evaluator recursion across nested calls; parse-time caps keep real scripts far below it.
    public const int MaxEvaluationDepth = 3000;

    public ScriptLimits Limits { get; } = limits;

    public ScriptHost Host { get; } = host;

    public CancellationToken Token { get; } = deadline;

    public List<string> Info { get; } = [];

    public List<HttpTraceEntry> HttpCalls { get; } = [];

    public List<Mail.ScriptMailReceipt> Mails { get; } = [];

    public long Statements { get; private set; }

    public int CallDepth { get; set; }

    public int EvaluationDepth { get; set; }

    public int HttpCallCount { get; set; }

    private long _outputBytes;

    public void Step(TextSpan span)
    {
        if (++Statements > Limits.MaxStatements)
        {
            throw new ScriptLimitException($"statement limit exceeded: the run executed more than {Limits.MaxStatements:N0} statements; look for a loop that never ends or process less data per run", span);
        }

        if ((Statements & 255) == 0 && Token.IsCancellationRequested)
        {
            ThrowCancelled(span);
        }
    }

    public void ThrowCancelled(TextSpan? span)
    {
        if (callerToken.IsCancellationRequested)
        {
            throw new ScriptLimitException("the run was cancelled", span);
        }

        throw new ScriptLimitException($"time limit exceeded: the run took longer than {Limits.Timeout.TotalSeconds:0.###} s; process less data per run or make fewer slow calls", span);
    }

    public void AddInfo(string line, TextSpan span)
    {
        _outputBytes += Encoding.UTF8.GetByteCount(line) + 1;
        if (_outputBytes > Limits.MaxOutputBytes)
        {
            throw new ScriptLimitException($"output limit exceeded: info wrote more than {Limits.MaxOutputBytes:N0} bytes; log less (for example only sizes or the first items)", span);
        }

        Info.Add(line);
    }

    public void CheckTextLength(long length)
    {
        if (length > Limits.MaxTextLength)
        {
            throw new ScriptLimitException($"text limit exceeded: a text would be {length:N0} characters long, over the limit of {Limits.MaxTextLength:N0}; work with smaller pieces");
        }

        // Small texts are charged once built; a large one is refused before it is allocated, so a run stops near its budget.
        if (length > RunMemory.PrecheckedTextLength)
        {
            RunMemory.EnsureRoom(RunMemory.TextOverhead + 2 * length);
        }
    }

    public void CheckCollectionSize(long count)
    {
        if (count > Limits.MaxCollectionSize)
        {
            throw new ScriptLimitException($"collection limit exceeded: a list or map would hold {count:N0} entries, over the limit of {Limits.MaxCollectionSize:N0}; process the data in smaller batches");
        }
    }

    public string Display(ScriptValue value) => ValueFormatter.ToDisplayString(value, Limits.MaxTextLength, Token);
}
