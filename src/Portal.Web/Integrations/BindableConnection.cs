using Portal.Connections.Data;

namespace Portal.Web.Integrations;

/// <summary>A connection a pack can be bound to, with the viewing admin's own authorization status.</summary>
internal sealed record BindableConnection(string LinkName, string Name, string ServiceName, ConnectionMode Mode, AuthorizationStatus MyStatus)
{
    public bool AuthorizedByMe => MyStatus == AuthorizationStatus.Connected;
}
