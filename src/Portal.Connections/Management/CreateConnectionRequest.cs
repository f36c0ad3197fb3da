using Portal.Connections.Data;

namespace Portal.Connections.Management;

/// <summary>Input for <see cref="IConnectionManager.CreateAsync"/>; an empty <see cref="LinkName"/> is derived from <see cref="Name"/>.</summary>
public sealed record CreateConnectionRequest
{
    public string Name { get; init; } = "";

    public string? LinkName { get; init; }

    public string ServiceId { get; init; } = "";

    public IReadOnlyList<string>? Scopes { get; init; }

    public ConnectionMode Mode { get; init; } = ConnectionMode.OwnerCredentials;
}
