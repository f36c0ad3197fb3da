using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Connections.Credentials;

namespace Portal.Connections.Egress;

/// <summary>
/// SSRF-safe primary handler for outbound HTTP (SEC-22, SEC-24 connect timeout): no redirects (the credential handler follows
/// them and each hop reconnects through the check), no proxy, no cookies, HTTP/1.1 and HTTP/2 only, and a connect callback
/// that checks every resolved address.
/// </summary>
internal sealed class EgressFilteringHandlerFactory(
    EgressAllowList allowList, IEgressDnsResolver resolver, IOptions<EgressOptions> options, ILogger<EgressFilteringHandlerFactory> logger) : IEgressHandlerFactory
{
    private readonly EgressConnector _connector = new(allowList, resolver, logger);

    public HttpMessageHandler CreatePrimaryHandler() => new NoHttp3Handler(CreateSocketsHandler());

    /// <summary>The socket-level handler; use <see cref="CreatePrimaryHandler"/>, which also keeps HTTP/3 off.</summary>
    internal SocketsHttpHandler CreateSocketsHandler()
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            Proxy = null,
            UseCookies = false,
            Credentials = null,
            ConnectTimeout = options.Value.ConnectTimeout,
            ConnectCallback = _connector.ConnectAsync,
        };
    }
}
