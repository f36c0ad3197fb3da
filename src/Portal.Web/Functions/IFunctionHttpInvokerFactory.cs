using System.Security.Claims;
using Portal.Scripting.Http;

namespace Portal.Web.Functions;

/// <summary>Gives a run the HTTP invoker that acts for <paramref name="user"/> (their connection authorizations).</summary>
public interface IFunctionHttpInvokerFactory
{
    IHttpInvoker CreateFor(ClaimsPrincipal user);
}
