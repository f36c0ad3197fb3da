namespace Portal.Connections;

public static class ConnectionsPolicies
{
    /// <summary>REST API: a valid personal access token (scheme <see cref="PersonalAccessTokenScheme"/>).</summary>
    public const string Api = "Portal.Connections.Api";

    /// <summary>Browser OAuth endpoints: an authenticated user on the host's default (cookie) scheme.</summary>
    public const string Browser = "Portal.Connections.Browser";

    public const string PersonalAccessTokenScheme = "PortalToken";
}
