namespace Portal.Connections.Catalog;

public enum CredentialLocation
{
    Header = 0,
    Query = 1,
    Form = 2,
}
