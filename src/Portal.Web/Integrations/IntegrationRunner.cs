using Portal.Connections.Credentials;

namespace Portal.Web.Integrations;

/// <summary>
/// Who runs a function that calls a task: the identity named in the audit log, and the run's user and code, which decide
/// the connections a task given a connection name may use (SEC-33); without a run it is the person acting directly.
/// </summary>
internal sealed record IntegrationRunner(string UserId, string? Email, ConnectionUseContext? Run = null)
{
    public ConnectionUseContext ConnectionUse => Run ?? ConnectionUseContext.ForUser(UserId);
}
