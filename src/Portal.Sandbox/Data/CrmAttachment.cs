namespace Portal.Sandbox.Data;

/// <summary>A file attached to one Sandbox CRM record (Zoho's Attachments related list); the bytes live in the row.</summary>
internal sealed class CrmAttachment
{
    public long Id { get; set; }

    /// <summary>Canonical module name of the parent record, e.g. <c>Contacts</c>.</summary>
    public required string Module { get; set; }

    public long RecordId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }

    public required CrmUserRef CreatedBy { get; set; }

    public DateTimeOffset CreatedTime { get; set; }
}
