using Portal.Connections.Credentials;

namespace Portal.Connections.Tests.Infrastructure;

/// <summary>Test egress: loopback allowed (SSRF filtering is a separate issue), optionally a scripted network.</summary>
internal sealed class EgressFactory(Func<HttpMessageHandler> create) : IEgressHandlerFactory
{
    public HttpMessageHandler CreatePrimaryHandler() => create();
}
