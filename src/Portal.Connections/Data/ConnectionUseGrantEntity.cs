namespace Portal.Connections.Data;

/// <summary>SEC-33: the owner of an owner-mode connection lets functions of <see cref="GranteeUserId"/> use it.</summary>
public sealed class ConnectionUseGrantEntity
{
    public Guid Id { get; set; }

    public Guid ConnectionId { get; set; }

    public string GranteeUserId { get; set; } = "";

    public string GrantedByUserId { get; set; } = "";

    public DateTimeOffset GrantedAt { get; set; }
}
