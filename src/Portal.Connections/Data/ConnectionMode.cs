namespace Portal.Connections.Data;

public enum ConnectionMode
{
    /// <summary>Every runner uses the owner's authorization.</summary>
    OwnerCredentials = 0,

    /// <summary>Each runner must authorize with their own provider account (shared connection).</summary>
    LoginUserCredentials = 1,
}
