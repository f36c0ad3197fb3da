namespace Portal.Connections.Catalog;

/// <summary>A default service added by the host, optionally with pre-configured client credentials.</summary>
public sealed record ContributedService(ServiceDescriptor Descriptor, string? ClientId = null, string? ClientSecret = null);
