namespace Portal.Connections.Credentials;

/// <summary>Unfiltered default; replace it with an egress-filtering factory in production.</summary>
internal sealed class DefaultEgressHandlerFactory : IEgressHandlerFactory
{
    public HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
