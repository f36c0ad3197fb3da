namespace Portal.Connections.Catalog;

/// <summary>The services people can connect to: default services (embedded catalogue and contributors) and custom ones.</summary>
public interface IServiceCatalog
{
    /// <summary>Every service, enabled or not: the default services first, then the custom ones, each ordered by display name.</summary>
    Task<IReadOnlyList<CatalogService>> ListAsync(CancellationToken ct = default);

    /// <summary>The service with <paramref name="serviceId"/>; null when there is none.</summary>
    Task<CatalogService?> FindAsync(string serviceId, CancellationToken ct = default);

    /// <summary>Defines a custom service. Validation problems come back as <see cref="ServiceEditResult.Errors"/>; nothing is thrown for them.</summary>
    Task<ServiceEditResult> CreateCustomAsync(ServiceDescriptor descriptor, string? clientId, string? clientSecret, string actorUserId, CancellationToken ct = default);

    /// <summary>
    /// Edits a custom service; a null <paramref name="clientSecret"/> keeps the stored secret. Only its creator and admins may
    /// (SEC-34); a change to how credentials are sent invalidates the authorizations (SEC-11), counted in
    /// <see cref="ServiceEditResult.InvalidatedAuthorizations"/>. Refusals and validation problems come back as errors.
    /// </summary>
    Task<ServiceEditResult> UpdateCustomAsync(ServiceDescriptor descriptor, string? clientId, string? clientSecret, bool enabled, ConnectionsUser actor, CancellationToken ct = default);

    /// <summary>Admin configuration of a default service (client credentials, templates, enabled); SEC-11 invalidation applies. Problems come back as errors.</summary>
    Task<ServiceEditResult> ConfigureDefaultAsync(string serviceId, DefaultServiceSettings settings, string actorUserId, CancellationToken ct = default);

    /// <summary>Deletes a custom service that no connection uses any more; only its creator and admins may (SEC-34). Refusals come back as errors.</summary>
    Task<ServiceEditResult> DeleteCustomAsync(string serviceId, ConnectionsUser actor, CancellationToken ct = default);
}
