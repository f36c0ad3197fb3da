using System.Security.Claims;
using Portal.Web.ConnectionsUi;

namespace Portal.Web.Integrations;

/// <summary>What the Users & Control › Integrations page does: list packs, bind, unbind and test them.</summary>
internal interface IIntegrationsAdmin
{
    Task<IReadOnlyList<IntegrationStatus>> ListAsync(CancellationToken ct = default);

    /// <summary>Connections of the pack's services that <paramref name="admin"/> could bind (shared ones, or their own).</summary>
    Task<IReadOnlyList<BindableConnection>> ConnectionsForAsync(string ns, ClaimsPrincipal admin, CancellationToken ct = default);

    Task<UiResult> BindAsync(string ns, string linkName, ClaimsPrincipal admin, CancellationToken ct = default);

    Task<UiResult> UnbindAsync(string ns, ClaimsPrincipal admin, CancellationToken ct = default);

    Task<IntegrationTestResult> TestAsync(string ns, ClaimsPrincipal admin, CancellationToken ct = default);
}
