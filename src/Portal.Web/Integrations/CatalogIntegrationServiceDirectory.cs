using Portal.Connections.Catalog;

namespace Portal.Web.Integrations;

/// <summary>The connections engine's service catalogue, as integrations see it.</summary>
internal sealed class CatalogIntegrationServiceDirectory(IServiceCatalog catalog) : IIntegrationServiceDirectory
{
    public async Task<IntegrationServiceInfo?> FindAsync(string serviceId, CancellationToken ct) =>
        await catalog.FindAsync(serviceId, ct) is { } service ? new IntegrationServiceInfo(service.Descriptor.DisplayName, service.Descriptor.AllowedApiBaseUrls) : null;
}
