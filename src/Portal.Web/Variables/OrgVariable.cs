namespace Portal.Web.Variables;

public sealed record OrgVariable(int Id, string Name, string Value, string Description, DateTimeOffset UpdatedAt, string? UpdatedByEmail);
