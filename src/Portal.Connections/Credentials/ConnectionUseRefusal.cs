namespace Portal.Connections.Credentials;

/// <summary>
/// The one answer when a connection may not be used here (SEC-33). It is built from the link name and the run alone, never
/// from the connection, so a missing connection and someone else's private one read exactly the same.
/// </summary>
public static class ConnectionUseRefusal
{
    public const string GrantListName = "Functions of these people may use it";

    public static ConnectionsException For(string linkName, ConnectionUseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var code = context.Code;
        var who = code.Count == 0 ? "" : $" This run's code: {string.Join("; ", code.Select(c => c.Label))}.";
        return new ConnectionsException(ConnectionsErrorKind.Forbidden,
            $"Connection '{linkName}' cannot be used here. A connection that works with its owner's account is used only by functions of its owner " +
            $"and of the people its owner granted use to, and only while their code was last changed by one of them.{who} " +
            $"Ask the connection's owner or an admin to add those people under \"{GrantListName}\" on the connection's page, or check the link name.",
            linkName);
    }
}
