using System.Security.Claims;
using Portal.Connections.Credentials;
using Portal.Scripting;
using Portal.Web.Variables;

namespace Portal.Web.Integrations;

/// <summary>Runs call the bound packs of <see cref="IntegrationPackCatalog"/> as the user running them.</summary>
internal sealed class IntegrationTaskInvokerFactory(IntegrationPackCatalog catalog, IntegrationExecutor executor, OrgVariables? variables = null) : IIntegrationTaskInvokerFactory
{
    public IHostTaskInvoker CreateFor(ClaimsPrincipal user, ConnectionUseContext connectionUse) =>
        new IntegrationTaskInvoker(catalog, executor, new IntegrationRunner(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.Identity?.Name, connectionUse), variables);
}
