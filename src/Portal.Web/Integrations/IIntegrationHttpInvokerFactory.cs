using Portal.Scripting.Http;

namespace Portal.Web.Integrations;

/// <summary>The HTTP invoker a task call uses, acting with <c>userId</c>'s authorization of the connection it names.</summary>
internal interface IIntegrationHttpInvokerFactory
{
    IHttpInvoker CreateFor(string userId);
}
