namespace Portal.Sandbox;

/// <summary>A read-only copy of one Sandbox CRM record, for end-to-end tests that check who created or changed it.</summary>
/// <param name="FieldsJson">The record in its API shape (fields, <c>id</c>, <c>Owner</c>, times, <c>Created_By</c>, <c>Modified_By</c>) as JSON.</param>
public sealed record SandboxCrmRecordSnapshot(
    string Id,
    string Module,
    string FieldsJson,
    string CreatedByEmail,
    string ModifiedByEmail);
