using Portal.Connections;

namespace Portal.Web.ConnectionsHost;

/// <summary>
/// The portal's words for what the connections engine reports: which page fixes it and which button to click. The one
/// place the engine's problems meet the portal's pages and menus (PRODUCT.md's Setup › Developer Space › Connections and
/// Setup › Users &amp; Control › Services).
/// </summary>
internal sealed class PortalConnectionsWording : IConnectionsWording
{
    public const string ConnectionsMenu = "Setup › Developer Space › Connections";
    public const string ServicesMenu = "Setup › Users & Control › Services";

    public string? ConnectionPage(string? linkName) => linkName is null ? "/connections" : $"/connections/{Uri.EscapeDataString(linkName)}";

    public string Remedy(ConnectionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var page = problem.LinkName is { } link ? ConnectionPage(link) : null;
        var byOwner = problem.Actor == ConnectionActor.Owner;
        string OnPage(string button) => page is null
            ? $"Open the connection in {ConnectionsMenu} and click {button}."
            : byOwner ? $"Ask its owner to open {page} and click {button}." : $"Open {page} and click {button}.";
        return problem.Remedy switch
        {
            ConnectionRemedy.CheckLinkName => $"Check the link name in {ConnectionsMenu}.",
            ConnectionRemedy.Connect => OnPage("Connect") + (problem.Shared ? " Then run again." : ""),
            ConnectionRemedy.Reconnect => OnPage("Reconnect"),
            ConnectionRemedy.EnterCredentials => page is null ? $"Enter the credentials on the connection's page in {ConnectionsMenu}." : $"Enter the credentials on {page} instead.",
            ConnectionRemedy.EnableService => $"Ask an admin to enable {problem.ServiceName ?? "the service"} in {ServicesMenu}.",
            ConnectionRemedy.SetUpService => problem.MissingSettings.Count > 0
                ? $"An admin enters {string.Join(", ", problem.MissingSettings.Select(m => "{" + m + "}"))} in {ServicesMenu} › {problem.ServiceName}."
                : $"An admin sets {problem.ServiceName ?? "the service"} up in {ServicesMenu}.",
            ConnectionRemedy.FixClientCredentials => $"An admin must fix the client id and secret in {ServicesMenu}.",
            ConnectionRemedy.CreateAgain => page is null ? $"Create it again from {ConnectionsMenu}." : $"Delete it and create a new one from {ConnectionsMenu}.",
            _ => "",
        };
    }
}
