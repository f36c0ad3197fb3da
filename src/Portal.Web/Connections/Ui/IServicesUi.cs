using Portal.Connections;
using Portal.Connections.Catalog;
using ServiceDescriptor = Portal.Connections.Catalog.ServiceDescriptor;

namespace Portal.Web.Connections.Ui;

/// <summary>Catalogue administration for Admin › Services and the custom service form.</summary>
public interface IServicesUi
{
    /// <summary>The redirect URI to register at every OAuth provider.</summary>
    string RedirectUri { get; }

    Task<IReadOnlyList<CatalogService>> ListAsync(CancellationToken ct = default);

    Task<CatalogService?> FindAsync(string serviceId, CancellationToken ct = default);

    /// <summary>A null <paramref name="clientSecret"/> keeps the stored secret.</summary>
    Task<ServiceEditResult> ConfigureDefaultAsync(string serviceId, DefaultServiceSettings settings, string actorUserId, CancellationToken ct = default);

    /// <summary>Creates, or edits when <paramref name="actor"/> created it or is an admin (SEC-34).</summary>
    Task<ServiceEditResult> SaveCustomAsync(ServiceDescriptor descriptor, string? clientId, string? clientSecret, bool isNew, ConnectionsUser actor, CancellationToken ct = default);
}
