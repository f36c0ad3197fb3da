using Portal.Connections.Data;

namespace Portal.Web.ConnectionsUi;

/// <summary>The details page's status sentence, true for the person looking at it (issue 16: never "nobody" above a list of others).</summary>
public static class ViewerStatusText
{
    public static string For(ConnectionView view, string viewerUserId)
    {
        ArgumentNullException.ThrowIfNull(view);
        var service = view.Summary.ServiceName;
        if (view.Summary.Mode == ConnectionMode.OwnerCredentials && view.Summary.OwnerUserId != viewerUserId)
        {
            return view.Mine?.Status switch
            {
                AuthorizationStatus.Connected => $"Functions use {view.OwnerName}'s {service} authorization, whoever runs them.",
                AuthorizationStatus.NeedsReauthorization => $"{view.OwnerName}'s authorization is no longer accepted by {service}; they must reconnect it.",
                _ => $"{view.OwnerName} has not authorized it yet, so functions cannot use it until they connect it.",
            };
        }

        var others = view.Authorizations.Count(a => a.UserId != viewerUserId && a.Status == AuthorizationStatus.Connected);
        var othersText = others switch
        {
            0 => "",
            1 => "1 other person has",
            _ => $"{others} others have",
        };
        var mine = view.Authorizations.FirstOrDefault(a => a.UserId == viewerUserId)?.Status;
        return mine switch
        {
            AuthorizationStatus.Connected => "You have authorized it: functions can call " + service + " with your authorization." + (others > 0 ? $" {othersText} too." : ""),
            AuthorizationStatus.NeedsReauthorization => $"{service} no longer accepts your authorization. Click Reconnect to sign in again.",
            AuthorizationStatus.Revoked => "You revoked your authorization" + (others > 0 ? $"; {othersText} authorized it." : ".") + " Click Connect to authorize again.",
            _ when others > 0 => $"You have not authorized it yet; {othersText}. Click Connect to use it with your own {service} account.",
            // Only owners and admins see others' authorizations, so for anyone else "nobody" would be a guess.
            _ when !view.CanManage => $"You have not authorized it yet. Click Connect to use it with your own {service} account.",
            _ => "Nobody has authorized it yet. Click Connect to sign in at the provider.",
        };
    }
}
