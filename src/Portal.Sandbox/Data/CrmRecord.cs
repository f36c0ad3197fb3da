namespace Portal.Sandbox.Data;

/// <summary>One Sandbox CRM record; the module's fields live in one JSON object so custom fields need no schema change.</summary>
internal sealed class CrmRecord
{
    /// <summary>Zoho-style numeric record id (fits a 64-bit integer), chosen by the store rather than the database.</summary>
    public long Id { get; set; }

    /// <summary>Canonical module name, e.g. <c>Leads</c>.</summary>
    public required string Module { get; set; }

    /// <summary>The record's own fields as a JSON object (lookups as <c>{"name","id"}</c> objects).</summary>
    public required string FieldsJson { get; set; }

    public required CrmUserRef Owner { get; set; }

    public required CrmUserRef CreatedBy { get; set; }

    public required CrmUserRef ModifiedBy { get; set; }

    public DateTimeOffset CreatedTime { get; set; }

    public DateTimeOffset ModifiedTime { get; set; }
}
