using Portal.Connections;

namespace Portal.Web.ConnectionsUi;

/// <summary>Grant and take away the use of an owner-mode connection by other people's functions (SEC-33).</summary>
public interface IConnectionUseGrantsUi
{
    /// <summary>Null when the connection is shared, missing, or not the viewer's to manage (only its owner and admins manage it).</summary>
    Task<ConnectionUseGrantsView?> GetAsync(string linkName, ConnectionsUser viewer, CancellationToken ct = default);

    Task<UiResult> GrantAsync(string linkName, string granteeUserId, ConnectionsUser actor, CancellationToken ct = default);

    Task<UiResult> RevokeAsync(string linkName, string granteeUserId, ConnectionsUser actor, CancellationToken ct = default);
}
