using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Portal.Connections;
using Portal.Connections.Catalog;
using ServiceDescriptor = Portal.Connections.Catalog.ServiceDescriptor;

namespace Portal.Web.Connections.Ui;

internal sealed class ServicesUi(ServiceCatalog catalog, IOptions<ConnectionsOptions> options, NavigationManager navigation) : IServicesUi
{
    // Mirrors OAuthEndpoints.CallbackPath, which the engine keeps internal.
    public const string CallbackPath = "/connections/oauth/callback";

    public string RedirectUri => (string.IsNullOrEmpty(options.Value.PublicBaseUrl) ? navigation.BaseUri : options.Value.PublicBaseUrl).TrimEnd('/') + CallbackPath;

    public Task<IReadOnlyList<CatalogService>> ListAsync(CancellationToken ct = default) => catalog.ListAsync(ct);

    public Task<CatalogService?> FindAsync(string serviceId, CancellationToken ct = default) => catalog.FindAsync(serviceId, ct);

    public Task<ServiceEditResult> ConfigureDefaultAsync(string serviceId, DefaultServiceSettings settings, string actorUserId, CancellationToken ct = default) =>
        catalog.ConfigureDefaultAsync(serviceId, settings, actorUserId, ct);

    public Task<ServiceEditResult> SaveCustomAsync(ServiceDescriptor descriptor, string? clientId, string? clientSecret, bool isNew, ConnectionsUser actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return isNew ? catalog.CreateCustomAsync(descriptor, clientId, clientSecret, actor.UserId, ct)
                     : catalog.UpdateCustomAsync(descriptor, clientId, clientSecret, enabled: true, actor, ct);
    }
}
