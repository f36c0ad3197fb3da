using System.Security.Claims;
using Portal.Connections;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.Functions;

namespace Portal.Web.ConnectionsHost;

/// <summary>The connections a user may name in <c>connection:</c>: their own and those shared with them.</summary>
internal sealed class EngineConnectionDirectory(IConnectionManager connections, IServiceCatalog catalog) : IConnectionDirectory
{
    public async Task<IReadOnlyList<ConnectionChoice>> ListForUserAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (ConnectionsUser.From(user) is not { } viewer)
        {
            return [];
        }

        var mine = await connections.ListAsync(viewer, ConnectionListScope.My, ct);
        var shared = await connections.ListAsync(viewer, ConnectionListScope.Shared, ct);
        var choices = new List<ConnectionChoice>();
        foreach (var connection in mine.Concat(shared).DistinctBy(c => c.LinkName))
        {
            var service = await catalog.FindAsync(connection.ServiceId, ct);
            choices.Add(new ConnectionChoice(
                connection.LinkName,
                connection.Name,
                connection.ServiceName,
                connection.ServiceLogo,
                service?.Descriptor.AllowedApiBaseUrls is [var firstUrl, ..] ? firstUrl : null,
                Describe(connection.Status)));
        }

        return choices.OrderBy(c => c.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string Describe(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Connected => "Connected",
        AuthorizationStatus.NeedsReauthorization => "Needs re-authorization",
        AuthorizationStatus.Revoked => "Revoked",
        _ => "Not connected",
    };
}
