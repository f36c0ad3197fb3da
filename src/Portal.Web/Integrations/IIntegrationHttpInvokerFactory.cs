using Portal.Connections.Credentials;
using Portal.Scripting.Http;

namespace Portal.Web.Integrations;

/// <summary>The HTTP invoker a task call uses, acting as <c>connectionUse</c> may with the connection it names (SEC-33).</summary>
internal interface IIntegrationHttpInvokerFactory
{
    IHttpInvoker CreateFor(ConnectionUseContext connectionUse);
}
