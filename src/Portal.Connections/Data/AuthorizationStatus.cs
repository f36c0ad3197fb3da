namespace Portal.Connections.Data;

public enum AuthorizationStatus
{
    NotConnected = 0,
    Connected = 1,
    NeedsReauthorization = 2,
    Revoked = 3,
}
