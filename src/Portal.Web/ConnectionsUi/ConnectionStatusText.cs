using MudBlazor;
using Portal.Connections.Data;

namespace Portal.Web.ConnectionsUi;

/// <summary>Label, chip colour, icon and explanation for each authorization status.</summary>
public static class ConnectionStatusText
{
    public static string Label(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Connected => "Connected",
        AuthorizationStatus.NeedsReauthorization => "Needs re-authorization",
        AuthorizationStatus.Revoked => "Revoked",
        _ => "Not connected",
    };

    public static Color Color(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Connected => MudBlazor.Color.Success,
        AuthorizationStatus.NeedsReauthorization => MudBlazor.Color.Warning,
        AuthorizationStatus.Revoked => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string Icon(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Connected => Icons.Material.Filled.CheckCircle,
        AuthorizationStatus.NeedsReauthorization => Icons.Material.Filled.Warning,
        AuthorizationStatus.Revoked => Icons.Material.Filled.Block,
        _ => Icons.Material.Outlined.RadioButtonUnchecked,
    };

    public static string Explanation(AuthorizationStatus status) => status switch
    {
        AuthorizationStatus.Connected => "Functions can call the service with this authorization.",
        AuthorizationStatus.NeedsReauthorization => "The provider no longer accepts the stored authorization. Click Reconnect to sign in again.",
        AuthorizationStatus.Revoked => "Access was revoked. Click Connect to authorize again.",
        _ => "Nobody has authorized this yet. Click Connect to sign in at the provider.",
    };

    public static string Mode(ConnectionMode mode) => mode == ConnectionMode.LoginUserCredentials ? "Each user's own credentials" : "Owner's credentials";
}
