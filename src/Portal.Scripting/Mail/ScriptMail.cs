namespace Portal.Scripting.Mail;

/// <summary>One mail of a <c>sendmail [ … ]</c> task, with addresses already resolved (zoho.adminuserid → the configured sender).</summary>
public sealed record ScriptMail
{
    public required string From { get; init; }

    public required IReadOnlyList<string> To { get; init; }

    public IReadOnlyList<string> Cc { get; init; } = [];

    public IReadOnlyList<string> Bcc { get; init; } = [];

    public string? ReplyTo { get; init; }

    public required string Subject { get; init; }

    public required string Message { get; init; }

    /// <summary>"text/html" (Zoho's default for sendmail) or "text/plain".</summary>
    public string ContentType { get; init; } = "text/html";

    public IReadOnlyList<ScriptMailAttachment> Attachments { get; init; } = [];

    /// <summary>Source line of the sendmail task, for the trace.</summary>
    public int Line { get; init; }
}
