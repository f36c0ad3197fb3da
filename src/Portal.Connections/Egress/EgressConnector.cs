using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Portal.Connections.Egress;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> (SEC-22): resolves the host itself, fails closed when it cannot,
/// refuses if ANY resolved address is blocked, then connects to exactly the vetted addresses, so DNS rebinding between
/// check and connect is impossible.
/// </summary>
internal sealed class EgressConnector(EgressAllowList allowList, IEgressDnsResolver resolver, ILogger logger)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = EgressAllowList.HostText(context.DnsEndPoint.Host);
        var port = context.DnsEndPoint.Port;
        var scheme = context.InitialRequestMessage.RequestUri?.Scheme ?? Uri.UriSchemeHttp;
        var addresses = await ResolveAsync(host, cancellationToken);
        if (allowList.IsAllowed(scheme, host, port))
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("Egress to {Host}:{Port} allowed by an exact-origin exception", host, port);
            }
        }
        else
        {
            Vet(host, addresses);
        }

        return await ConnectToAsync(addresses, port, cancellationToken);
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.TrimEnd('.'), out var literal))
        {
            return [literal];
        }

        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Egress blocked: {Host} did not resolve ({Error})", host, ex.Message);
            throw EgressBlockedException.DnsFailure(host, ex);
        }

        if (addresses.Length == 0)
        {
            logger.LogWarning("Egress blocked: {Host} resolved to no addresses", host);
            throw EgressBlockedException.DnsFailure(host, null);
        }

        return addresses;
    }

    private void Vet(string host, IPAddress[] addresses)
    {
        var isLiteral = IPAddress.TryParse(host.TrimEnd('.'), out _);
        foreach (var address in addresses)
        {
            if (BlockedAddressRanges.Classify(address) is { } category)
            {
                logger.LogWarning("Egress blocked: {Host} -> {Address} is {Category}", host, address, category);
                throw isLiteral ? EgressBlockedException.BlockedLiteral(host, address, category) : EgressBlockedException.BlockedName(host, address, category);
            }
        }
    }

    private static async Task<Stream> ConnectToAsync(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        List<Exception> failures = [];
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                failures.Add(ex);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
    }
}
