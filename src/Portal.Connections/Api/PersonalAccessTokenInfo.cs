namespace Portal.Connections.Api;

public sealed record PersonalAccessTokenInfo(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt, bool Revoked);
