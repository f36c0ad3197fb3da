using Portal.Scripting.Http;
using Portal.Scripting.Mail;
using Portal.Scripting.Values;

namespace Portal.Scripting;

/// <summary>The outcome of one run: the info log, the return value or the error, and what the run cost.</summary>
public sealed record RunResult
{
    public required IReadOnlyList<string> Info { get; init; }

    /// <summary>The returned value; null when the script ended without 'return value;'.</summary>
    public ScriptValue? ReturnValue { get; init; }

    public ScriptError? Error { get; init; }

    public long StatementsExecuted { get; init; }

    public TimeSpan Elapsed { get; init; }

    public IReadOnlyList<HttpTraceEntry> HttpCalls { get; init; } = [];

    /// <summary>Bytes the run's thread allocated (garbage included); the memory budget (SEC-37) bounds what values hold.</summary>
    public long AllocatedBytes { get; init; }

    /// <summary>The mails the run's sendmail tasks delivered, in order, for the trace.</summary>
    public IReadOnlyList<ScriptMailReceipt> Mails { get; init; } = [];

    public bool Success => Error is null;
}
