using Portal.Web.Functions.Running;
namespace Portal.Web.Functions;

/// <summary>One run of a function, kept for <see cref="FunctionRunRetention.Days"/> days.</summary>
public sealed class FunctionRunEntity
{
    public long Id { get; set; }

    /// <summary>Null for a run of unsaved editor code that has no function yet.</summary>
    public int? FunctionId { get; set; }

    public required string UserId { get; set; }

    public string? UserEmail { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public long DurationMs { get; set; }

    public FunctionRunStatus Status { get; set; }

    public FunctionRunOrigin Origin { get; set; }

    public string InfoJson { get; set; } = "[]";

    public string? ReturnValueJson { get; set; }

    public string? ErrorMessage { get; set; }

    public int? ErrorLine { get; set; }

    public int? ErrorColumn { get; set; }

    /// <summary>The HTTP trace with credentials already replaced by ••••.</summary>
    public string HttpTraceJson { get; set; } = "[]";

    public long Statements { get; set; }

    /// <summary>The run's sendmail tasks: channel, recipients, subject and size (no bodies).</summary>
    public string MailsJson { get; set; } = "[]";
}
