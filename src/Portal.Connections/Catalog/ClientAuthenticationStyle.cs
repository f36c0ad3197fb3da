namespace Portal.Connections.Catalog;

/// <summary>How the client id/secret reach the token endpoint.</summary>
public enum ClientAuthenticationStyle
{
    PostBody = 0,
    BasicHeader = 1,
}
