namespace Portal.Web.Variables;

/// <summary>A named org value an admin keeps under Setup › Variables; scripts read it with zoho.crm.getOrgVariable("name").</summary>
public sealed class OrgVariableEntity
{
    public int Id { get; set; }

    /// <summary>The API name scripts use; unique (the service also refuses a name differing only in case).</summary>
    public required string Name { get; set; }

    public string Value { get; set; } = "";

    public string Description { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedByEmail { get; set; }
}
