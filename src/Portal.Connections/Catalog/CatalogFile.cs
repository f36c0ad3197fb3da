namespace Portal.Connections.Catalog;

internal sealed record CatalogFile(IReadOnlyList<ServiceDescriptor> Services);
