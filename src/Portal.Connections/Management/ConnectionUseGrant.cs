namespace Portal.Connections.Management;

/// <summary>One person whose functions may use an owner-mode connection (SEC-33).</summary>
public sealed record ConnectionUseGrant(string GranteeUserId, string GrantedByUserId, DateTimeOffset GrantedAt);
