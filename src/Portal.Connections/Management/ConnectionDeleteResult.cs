namespace Portal.Connections.Management;

/// <summary><see cref="Deleted"/> is false with <see cref="UsedBy"/> filled when the connection is in use and force was not given.</summary>
public sealed record ConnectionDeleteResult(bool Deleted, IReadOnlyList<ConnectionUsage> UsedBy, int RevokedAtProvider);
