namespace Portal.Sandbox.Data;

/// <summary>A CRM user as Zoho embeds it in records (<c>Owner</c>, <c>Created_By</c>, <c>Modified_By</c>).</summary>
internal sealed record CrmUserRef(string Name, string Id, string Email);
