using Portal.Connections.Catalog;
using Portal.Connections.Credentials;
using Portal.Connections.Data;

namespace Portal.Connections.Tests.Infrastructure;

internal static class CatalogTestsHelpers
{
    public static IReadOnlyList<string> Scopes(ConnectionAuthorizationEntity row) => CatalogJson.ReadList(row.GrantedScopesJson);

    public static HttpRequestMessage UseConnectionFor(this HttpRequestMessage request, string link, string user, IList<HttpCallTrace>? trace = null) =>
        request.UseConnection(link, user, trace);
}
