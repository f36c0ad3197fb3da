using Portal.Connections;
using Portal.Connections.Catalog;
using Portal.Connections.Management;
using ServiceDescriptor = Portal.Connections.Catalog.ServiceDescriptor;

namespace Portal.Web.ConnectionsUi;

/// <summary>Catalogue administration for Admin › Services and the custom service form.</summary>
public interface IServicesUi
{
    /// <summary>The redirect URI to register at every OAuth provider.</summary>
    string RedirectUri { get; }

    Task<IReadOnlyList<CatalogService>> ListAsync(CancellationToken ct = default);

    Task<CatalogService?> FindAsync(string serviceId, CancellationToken ct = default);

    /// <summary>A null <paramref name="clientSecret"/> keeps the stored secret.</summary>
    Task<ServiceEditResult> ConfigureDefaultAsync(string serviceId, DefaultServiceSettings settings, string actorUserId, CancellationToken ct = default);

    /// <summary>Creates the Test button's throw-away connection: hidden from lists and the audit log until <see cref="EndTestAsync"/>.</summary>
    Task<ConnectionCreateResult> BeginTestAsync(string serviceId, ConnectionsUser user, CancellationToken ct = default);

    /// <summary>Deletes the test connection and records one "service.tested" audit entry.</summary>
    Task EndTestAsync(string serviceId, string linkName, ConnectionsUser user, string outcome, CancellationToken ct = default);


    /// <summary>Creates, or edits when <paramref name="actor"/> created it or is an admin (SEC-34).</summary>
    Task<ServiceEditResult> SaveCustomAsync(ServiceDescriptor descriptor, string? clientId, string? clientSecret, bool isNew, ConnectionsUser actor, CancellationToken ct = default);
}
