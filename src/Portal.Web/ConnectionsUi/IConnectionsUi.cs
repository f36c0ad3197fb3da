using Portal.Connections;
using Portal.Connections.Catalog;
using Portal.Connections.Management;

namespace Portal.Web.ConnectionsUi;

/// <summary>What the connections pages need from the engine, shaped for display.</summary>
public interface IConnectionsUi
{
    /// <summary>One page of the list: filtered, counted and cut in the database (query.Take rows from query.Skip).</summary>
    Task<ConnectionRowsPage> PageAsync(ConnectionsUser user, ConnectionListScope scope, ConnectionListQuery query, CancellationToken ct = default);

    Task<IReadOnlyList<CatalogService>> ListServicesAsync(CancellationToken ct = default);

    Task<bool> IsLinkNameTakenAsync(string linkName, CancellationToken ct = default);

    Task<ConnectionCreateResult> CreateAsync(CreateConnectionRequest request, ConnectionsUser user, CancellationToken ct = default);

    Task<ConnectionView?> GetAsync(string linkName, ConnectionsUser user, CancellationToken ct = default);

    /// <summary>Authorizes API-key, Basic and client-credentials connections without a browser flow.</summary>
    Task<UiResult> AuthorizeDirectAsync(string linkName, ConnectionsUser user, CredentialInput input, CancellationToken ct = default);

    Task<UiResult> RevokeAsync(string linkName, ConnectionsUser user, string? targetUserId = null, CancellationToken ct = default);

    Task<IReadOnlyList<ConnectionUsage>> GetUsagesAsync(string linkName, CancellationToken ct = default);

    /// <summary>Sends the service's sample GET through the connection with the user's credentials.</summary>
    Task<TestRequestResult> SendTestRequestAsync(string linkName, ConnectionsUser user, CancellationToken ct = default);

    Task<UiResult> DeleteAsync(string linkName, ConnectionsUser user, CancellationToken ct = default);
}
