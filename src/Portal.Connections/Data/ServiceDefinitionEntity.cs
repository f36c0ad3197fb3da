namespace Portal.Connections.Data;

/// <summary>A custom service (full definition as JSON) or an admin override of a default service.</summary>
public sealed class ServiceDefinitionEntity
{
    public Guid Id { get; set; }

    /// <summary>The service's link name, e.g. <c>google_sheets</c>.</summary>
    public string ServiceId { get; set; } = "";

    public bool IsCustom { get; set; }

    /// <summary>Serialized <see cref="Catalog.ServiceDescriptor"/> for custom services; null for overrides.</summary>
    public string? DefinitionJson { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Data Protection ciphertext; the purpose includes <see cref="Id"/>.</summary>
    public string? ClientSecretCiphertext { get; set; }

    /// <summary>Values for URL templates such as <c>{tenant}</c>, as a JSON object.</summary>
    public string? TemplateValuesJson { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Set when the provider answered <c>invalid_client</c>; shown to admins.</summary>
    public string? ConfigurationError { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid ConcurrencyToken { get; set; }
}
