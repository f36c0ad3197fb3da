namespace Portal.Connections.Catalog;

/// <summary>A service as listed to users: descriptor with templates resolved plus its setup status (no secrets).</summary>
public sealed record CatalogService
{
    public required ServiceDescriptor Descriptor { get; init; }

    public bool IsCustom { get; init; }

    public bool Enabled { get; init; } = true;

    public string? ClientId { get; init; }

    public bool HasClientSecret { get; init; }

    /// <summary>True when an admin must enter client credentials or template values before use.</summary>
    public bool NeedsSetup { get; init; }

    /// <summary>"Needs setup by an admin: …" or null.</summary>
    public string? SetupMessage { get; init; }

    /// <summary>Last provider complaint about the client configuration (e.g. invalid_client).</summary>
    public string? ConfigurationError { get; init; }
}
