using Portal.Connections.Catalog;

namespace Portal.Connections;

/// <summary>The problems a service itself causes, the same wherever they are met.</summary>
internal static class ServiceProblems
{
    public static ConnectionProblem Disabled(ServiceRuntime service, string? linkName = null) =>
        new(ConnectionsErrorKind.ServiceNeedsSetup, ConnectionRemedy.EnableService)
        {
            LinkName = linkName, ServiceName = service.Descriptor.DisplayName, Actor = ConnectionActor.Admin,
        };

    public static ConnectionProblem NeedsSetup(string serviceName, IReadOnlyList<string> missingSettings) =>
        new(ConnectionsErrorKind.ServiceNeedsSetup, ConnectionRemedy.SetUpService)
        {
            ServiceName = serviceName, MissingSettings = missingSettings, Actor = ConnectionActor.Admin,
        };

    public static ConnectionProblem ClientRejected(ServiceRuntime service, string? linkName = null) =>
        new(ConnectionsErrorKind.ServiceConfiguration, ConnectionRemedy.FixClientCredentials)
        {
            LinkName = linkName, ServiceName = service.Descriptor.DisplayName, Actor = ConnectionActor.Admin,
        };
}

/// <summary>The problems of one connection's authorization, the same from the credential path and the token refresher.</summary>
internal static class AuthorizationProblems
{
    public static ConnectionsException NotAuthorized(string linkName, ConnectionActor actor = ConnectionActor.Reader, bool shared = false) =>
        new(new ConnectionProblem(ConnectionsErrorKind.NotAuthorized, ConnectionRemedy.Connect) { LinkName = linkName, Actor = actor, Shared = shared },
            shared
                ? $"You have not authorized the shared connection '{linkName}' with your own account yet."
                : $"Connection '{linkName}' is not authorized.");

    public static ConnectionsException NeedsReauthorization(string linkName, string why, ConnectionActor actor = ConnectionActor.Reader) =>
        new(new ConnectionProblem(ConnectionsErrorKind.NeedsReauthorization, ConnectionRemedy.Reconnect) { LinkName = linkName, Actor = actor },
            $"Connection '{linkName}' needs to be authorized again ({why.TrimEnd('.')}).");
}
