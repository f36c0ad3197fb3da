namespace Portal.Connections;

/// <summary>
/// A failure the engine expects (a connection not authorized, a service not set up, bad input): the message says what
/// happened and never contains secrets; <see cref="Problem"/> says what fixes it, which the host words with
/// <see cref="IConnectionsWording"/>.
/// </summary>
public sealed class ConnectionsException : Exception
{
    public ConnectionsException(ConnectionsErrorKind kind, string message, string? linkName = null)
        : this(new ConnectionProblem(kind) { LinkName = linkName }, message)
    {
    }

    public ConnectionsException(ConnectionProblem problem, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    public ConnectionProblem Problem { get; }

    public ConnectionsErrorKind Kind => Problem.Kind;

    public string? LinkName => Problem.LinkName;
}
