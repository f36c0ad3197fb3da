using Portal.Connections.Catalog;

namespace Portal.Connections.Api;

/// <summary>Body of <c>POST /api/v1/services</c>.</summary>
public sealed record CreateServiceRequest(ServiceDescriptor Service, string? ClientId = null, string? ClientSecret = null);
