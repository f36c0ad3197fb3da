namespace Portal.Sandbox.Data;

/// <summary>One copy of a message in one mailbox: the sender keeps a "sent" copy, a sandbox recipient an "inbox" copy.</summary>
internal sealed class SandboxMailMessage
{
    public const string Inbox = "inbox";
    public const string Sent = "sent";

    public int Id { get; set; }

    public required string OwnerId { get; set; }

    public required string Folder { get; set; }

    public required string From { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
