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

    /// <summary>"Needs setup: …" (what is missing) or null; <see cref="Problem"/> says who fixes it.</summary>
    public string? SetupMessage { get; init; }

    /// <summary>Why the service cannot be used yet and what fixes it (disabled, or needs setup); null when it is ready.</summary>
    public ConnectionProblem? Problem { get; init; }

    /// <summary>Who created a custom service; with admins, the only one who may change or delete it (SEC-34). Null for default services.</summary>
    public string? CreatedByUserId { get; init; }

    /// <summary>Last provider complaint about the client configuration (e.g. invalid_client).</summary>
    public string? ConfigurationError { get; init; }

    /// <summary>SEC-34: admins change any service, the creator their own custom service, nobody else.</summary>
    public bool CanBeChangedBy(ConnectionsUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAdmin || (IsCustom && CreatedByUserId is { Length: > 0 } creator && creator == user.UserId);
    }
}
