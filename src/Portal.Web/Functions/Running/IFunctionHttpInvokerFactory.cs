using System.Security.Claims;
using Portal.Connections.Credentials;
using Portal.Scripting.Http;

namespace Portal.Web.Functions.Running;

/// <summary>Gives a run the HTTP invoker that acts for <paramref name="user"/> (their connection authorizations).</summary>
public interface IFunctionHttpInvokerFactory
{
    /// <param name="connectionUse">The run's user and code, which decide the connections it may use (SEC-33).</param>
    IHttpInvoker CreateFor(ClaimsPrincipal user, ConnectionUseContext connectionUse);
}
