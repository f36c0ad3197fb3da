using Portal.Connections;
using Portal.Connections.Credentials;
using Portal.Connections.Egress;
using Portal.Scripting.Http;
using Portal.Web.ConnectionsHost;

namespace Portal.Web.Integrations;

/// <summary>Task calls go through the same invoker as invokeUrl: SSRF policy, egress filter, 40 s, 5 MB (SEC-22/23/24).</summary>
internal sealed class ConnectionsIntegrationHttpInvokerFactory(IHttpClientFactory clients, EgressUrlPolicy urlPolicy, IConnectionsWording wording) : IIntegrationHttpInvokerFactory
{
    public IHttpInvoker CreateFor(ConnectionUseContext connectionUse) =>
        new ConnectionsHttpInvoker(clients, urlPolicy, wording, connectionUse, ConnectedHttpInvokerFactory.Timeout, ConnectedHttpInvokerFactory.MaxResponseBytes);
}
