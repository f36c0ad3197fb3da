using Portal.Scripting.Http;
using Portal.Scripting.Mail;

namespace Portal.Web.Functions.Running;

/// <summary>A stored run as the UI shows it; the trace is already redacted.</summary>
public sealed record FunctionRunRecord
{
    public long Id { get; init; }

    public int? FunctionId { get; init; }

    public required string UserId { get; init; }

    public string? UserEmail { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public long DurationMs { get; init; }

    public FunctionRunStatus Status { get; init; }

    public FunctionRunOrigin Origin { get; init; }

    public IReadOnlyList<string> Info { get; init; } = [];

    /// <summary>The returned value as JSON (TEXT quoted); null when nothing was returned.</summary>
    public string? ReturnValueJson { get; init; }

    public string? ErrorMessage { get; init; }

    public int? ErrorLine { get; init; }

    public int? ErrorColumn { get; init; }

    public IReadOnlyList<HttpTraceEntry> HttpTrace { get; init; } = [];

    public long Statements { get; init; }

    public IReadOnlyList<ScriptMailReceipt> Mails { get; init; } = [];
}
