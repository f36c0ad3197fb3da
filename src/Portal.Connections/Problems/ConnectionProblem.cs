namespace Portal.Connections;

/// <summary>
/// What the connections engine reports when a connection cannot be used or set up: what happened (<see cref="Kind"/>),
/// what fixes it (<see cref="Remedy"/>, done by <see cref="Actor"/>) and the data a host needs to say so. The engine never
/// names the host's pages or menus; <see cref="IConnectionsWording"/> turns a problem into words and links.
/// </summary>
public sealed record ConnectionProblem(ConnectionsErrorKind Kind, ConnectionRemedy Remedy = ConnectionRemedy.None)
{
    public string? LinkName { get; init; }

    /// <summary>The service's display name, e.g. "GitHub".</summary>
    public string? ServiceName { get; init; }

    /// <summary>Who must act for <see cref="Remedy"/>: the reader, the connection's owner or an admin.</summary>
    public ConnectionActor Actor { get; init; }

    /// <summary>Service settings an admin has still to enter (template parameters such as <c>my_domain</c>).</summary>
    public IReadOnlyList<string> MissingSettings { get; init; } = [];

    /// <summary>Whether the connection is shared (each user authorizes with their own account).</summary>
    public bool Shared { get; init; }
}

/// <summary>What fixes a <see cref="ConnectionProblem"/>.</summary>
public enum ConnectionRemedy
{
    /// <summary>Nothing the reader can do here; the message says what happened.</summary>
    None,

    /// <summary>No connection has this link name: check the name among the connections.</summary>
    CheckLinkName,

    /// <summary>Authorize the connection (its Connect button).</summary>
    Connect,

    /// <summary>Authorize the connection again (its Reconnect button).</summary>
    Reconnect,

    /// <summary>Enter the credentials again on the connection's page.</summary>
    EnterCredentials,

    /// <summary>An admin enables the service.</summary>
    EnableService,

    /// <summary>An admin enters the service's missing settings (<see cref="ConnectionProblem.MissingSettings"/>) or client credentials.</summary>
    SetUpService,

    /// <summary>An admin fixes the service's client id and secret, which the provider rejected.</summary>
    FixClientCredentials,

    /// <summary>The connection is gone (or its service is): create it again.</summary>
    CreateAgain,
}

/// <summary>Who must act on a <see cref="ConnectionRemedy"/>.</summary>
public enum ConnectionActor
{
    /// <summary>The person reading the message.</summary>
    Reader,

    /// <summary>The connection's owner (the reader uses someone else's connection).</summary>
    Owner,

    /// <summary>An admin.</summary>
    Admin,
}
