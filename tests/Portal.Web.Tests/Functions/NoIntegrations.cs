using System.Security.Claims;
using Portal.Scripting;
using Portal.Scripting.Values;
using Portal.Web.Integrations;

namespace Portal.Web.Tests.Functions;

/// <summary>A portal without integration packs: every dotted task call stays unknown.</summary>
internal sealed class NoIntegrations : IIntegrationTaskInvokerFactory, IHostTaskInvoker
{
    public IHostTaskInvoker CreateFor(ClaimsPrincipal user, Portal.Connections.Credentials.ConnectionUseContext connectionUse) => this;

    public ValueTask<HostTaskResult> InvokeAsync(string qualifiedName, IReadOnlyList<ScriptValue> arguments, CancellationToken cancellationToken) =>
        ValueTask.FromResult(HostTaskResult.Unknown);
}
