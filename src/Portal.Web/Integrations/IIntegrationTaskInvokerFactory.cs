using System.Security.Claims;
using Portal.Connections.Credentials;
using Portal.Scripting;

namespace Portal.Web.Integrations;

/// <summary>Gives each run the integration-task hook for the user running it.</summary>
internal interface IIntegrationTaskInvokerFactory
{
    IHostTaskInvoker CreateFor(ClaimsPrincipal user, ConnectionUseContext connectionUse);
}
