namespace Portal.Connections.Catalog;

/// <summary>Admin settings for a default service. A null <see cref="ClientSecret"/> keeps the stored one.</summary>
public sealed record DefaultServiceSettings
{
    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public bool Enabled { get; init; } = true;

    public IReadOnlyDictionary<string, string> TemplateValues { get; init; } = new Dictionary<string, string>();
}
