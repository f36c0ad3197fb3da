namespace Portal.Web.Mail;

/// <summary>One Outbox mail opened: its headers and body as a mail client shows them.</summary>
public sealed record OutboxMailView
{
    public required OutboxMailSummary Summary { get; init; }

    public required string From { get; init; }

    public IReadOnlyList<string> To { get; init; } = [];

    public IReadOnlyList<string> Cc { get; init; } = [];

    public IReadOnlyList<string> Bcc { get; init; } = [];

    public IReadOnlyList<string> ReplyTo { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Shown only inside a sandboxed iframe: scripts, forms and same-origin access stay off.</summary>
    public string? HtmlBody { get; init; }

    public string? TextBody { get; init; }

    public IReadOnlyList<OutboxAttachment> Attachments { get; init; } = [];
}
