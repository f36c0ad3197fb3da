namespace Portal.Web.Integrations;

/// <summary>Where and as whom one task call runs: the connection, the user whose authorization it uses, and the trace mark.</summary>
internal sealed record IntegrationTarget(string LinkName, string UserId, string BaseUrl, string RanAs, bool AsAdmin, string? AdminEmail);
