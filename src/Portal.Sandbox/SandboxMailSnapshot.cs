namespace Portal.Sandbox;

/// <summary>A read-only copy of one message in a user's mailbox (<c>inbox</c> or <c>sent</c>).</summary>
public sealed record SandboxMailSnapshot(int Id, string Folder, string From, string To, string Subject, string Body);
