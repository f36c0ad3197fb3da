namespace Portal.Connections;

public enum ConnectionsErrorKind
{
    NotFound,
    Forbidden,
    Invalid,
    NotAuthorized,
    NeedsReauthorization,
    ServiceNeedsSetup,
    ServiceConfiguration,
    Provider,
    Transient,
    UrlNotAllowed,
}
