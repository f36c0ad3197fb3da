namespace Portal.Connections.Catalog;

/// <summary>A service ready to use: templates resolved and the client secret decrypted. Never leaves the library.</summary>
internal sealed record ServiceRuntime(
    ServiceDescriptor Descriptor,
    bool IsCustom,
    bool Enabled,
    string? ClientId,
    string? ClientSecret,
    string? SetupProblem,
    string? ConfigurationError)
{
    public string? CreatedByUserId { get; init; }

    /// <summary>The template parameters an admin has still to enter (with <see cref="SetupProblem"/>).</summary>
    public IReadOnlyList<string> MissingSettings { get; init; } = [];

    /// <summary>What fixes <see cref="SetupProblem"/>: an admin sets the service up.</summary>
    public ConnectionProblem? SetupNeeded => SetupProblem is null ? null : ServiceProblems.NeedsSetup(Descriptor.DisplayName, MissingSettings);

    public string? RefreshUrl => Descriptor.RefreshUrl ?? Descriptor.TokenUrl;
}
