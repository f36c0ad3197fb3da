namespace Portal.Connections.Catalog;

public enum ServiceAuthType
{
    OAuth2AuthorizationCode = 0,
    OAuth2ClientCredentials = 1,
    ApiKey = 2,
    Basic = 3,
    None = 4,
}
