namespace Portal.Connections.Management;

/// <summary>Details for the connection page and <c>GET /api/v1/connections/{link}</c>; never contains secrets.</summary>
public sealed record ConnectionDetails(
    ConnectionSummary Summary,
    IReadOnlyList<string> RequestedScopes,
    IReadOnlyList<AuthorizationInfo> Authorizations,
    IReadOnlyList<ConnectionUsage> UsedBy,
    string SampleInvokeUrl,
    string AuthorizePath);
