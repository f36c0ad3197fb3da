using Microsoft.AspNetCore.Routing;
using Portal.Connections.Api;
using Portal.Connections.OAuth;

namespace Portal.Connections;

public static class ConnectionsEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>/connections/oauth/start</c>, <c>/connections/oauth/callback</c>, <c>/connections/logos/{file}</c> and <c>/api/v1/…</c>.</summary>
    public static IEndpointRouteBuilder MapPortalConnections(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        OAuthEndpoints.Map(endpoints);
        ConnectionsApiEndpoints.Map(endpoints);
        return endpoints;
    }
}
