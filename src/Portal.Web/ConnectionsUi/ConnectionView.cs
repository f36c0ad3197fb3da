using Portal.Connections.Catalog;
using Portal.Connections.Management;

namespace Portal.Web.ConnectionsUi;

/// <summary>Everything the details page shows about one connection, from the viewer's point of view.</summary>
public sealed record ConnectionView(
    ConnectionSummary Summary,
    string OwnerName,
    ServiceAuthType AuthType,
    IReadOnlyList<ScopeDefinition> RequestedScopes,
    IReadOnlyList<AuthorizationView> Authorizations,
    IReadOnlyList<ConnectionUsage> UsedBy,
    string Snippet,
    string AuthorizePath,
    bool CanManage,
    bool CanAuthorize,
    IReadOnlyList<ApiKeyParameter> ApiKeyParameters,
    CredentialDestination? Destination = null)
{
    /// <summary>The viewer's own authorization (or the owner's, for owner-credential connections), if any.</summary>
    public AuthorizationView? Mine => Authorizations.FirstOrDefault(a => a.IsViewer);
}
