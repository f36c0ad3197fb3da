using Portal.Connections.Credentials;

namespace Portal.Web.Integrations;

/// <summary>Where and as whom one task call runs: the connection, who may use it and whose authorization, and the trace mark.</summary>
internal sealed record IntegrationTarget(string LinkName, ConnectionUseContext ConnectionUse, string BaseUrl, string RanAs, bool AsAdmin, string? AdminEmail);
