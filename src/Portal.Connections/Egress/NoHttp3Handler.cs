namespace Portal.Connections.Egress;

/// <summary>
/// Keeps requests on HTTP/1.1 or HTTP/2 (SEC-22): HTTP/3 runs over QUIC, which bypasses <see cref="SocketsHttpHandler.ConnectCallback"/>
/// and with it the address check, and SocketsHttpHandler has no per-instance switch to turn it off.
/// </summary>
internal sealed class NoHttp3Handler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Downgrade(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Downgrade(request);
        return base.Send(request, cancellationToken);
    }

    internal static void Downgrade(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Version.Major >= 3)
        {
            request.Version = System.Net.HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }
        else if (request.VersionPolicy == HttpVersionPolicy.RequestVersionOrHigher)
        {
            // "Or higher" lets an Alt-Svc header upgrade the connection to HTTP/3.
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }
    }
}
