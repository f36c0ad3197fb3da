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

    public string? RefreshUrl => Descriptor.RefreshUrl ?? Descriptor.TokenUrl;
}
