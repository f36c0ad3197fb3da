namespace Portal.Connections;

/// <summary>Names of the HttpClients registered with IHttpClientFactory.</summary>
public static class ConnectionsHttpClients
{
    /// <summary>Token, refresh and revocation endpoint calls.</summary>
    public const string OAuth = "Portal.Connections.OAuth";

    /// <summary>API calls with credential injection (<see cref="Credentials.CredentialInjectingHandler"/>).</summary>
    public const string Invoke = "Portal.Connections.Invoke";
}
