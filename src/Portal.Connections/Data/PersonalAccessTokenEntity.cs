namespace Portal.Connections.Data;

public sealed class PersonalAccessTokenEntity
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Hex SHA-256 of the full token (SEC-21).</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>First characters of the token, shown so users can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
