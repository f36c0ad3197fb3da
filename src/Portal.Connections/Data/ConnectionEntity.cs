namespace Portal.Connections.Data;

public sealed class ConnectionEntity
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Immutable, unique; scripts reference the connection by it.</summary>
    public string LinkName { get; set; } = "";

    public string ServiceId { get; set; } = "";

    /// <summary>Requested scopes as a JSON array.</summary>
    public string RequestedScopesJson { get; set; } = "[]";

    public string OwnerUserId { get; set; } = "";

    public ConnectionMode Mode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public Guid ConcurrencyToken { get; set; }
}
