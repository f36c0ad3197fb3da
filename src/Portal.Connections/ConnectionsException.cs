namespace Portal.Connections;

/// <summary>A user-facing failure: the message names the connection and says how to fix it; never contains secrets.</summary>
public sealed class ConnectionsException(ConnectionsErrorKind kind, string message, string? linkName = null) : Exception(message)
{
    public ConnectionsErrorKind Kind { get; } = kind;

    public string? LinkName { get; } = linkName;

    /// <summary>Relative portal path where the user can fix the problem, e.g. <c>/connections/mine</c>.</summary>
    public string? FixPath => LinkName is null ? null : $"/connections/{LinkName}";
}
