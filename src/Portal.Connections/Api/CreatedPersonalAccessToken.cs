namespace Portal.Connections.Api;

/// <summary>Returned once on creation; <see cref="Token"/> is never retrievable again (SEC-21).</summary>
public sealed record CreatedPersonalAccessToken(Guid Id, string Name, string Token, string Prefix, DateTimeOffset? ExpiresAt);
