namespace Portal.Connections.Security;

internal enum SecretKind
{
    ClientSecret,
    AccessToken,
    RefreshToken,
    ApiSecret,
    CodeVerifier,
}
