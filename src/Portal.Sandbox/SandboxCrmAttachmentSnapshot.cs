namespace Portal.Sandbox;

/// <summary>A read-only copy of one Sandbox CRM attachment, for end-to-end tests that check the bytes that arrived.</summary>
public sealed record SandboxCrmAttachmentSnapshot(string Id, string FileName, string ContentType, byte[] Content, string CreatedByEmail);
