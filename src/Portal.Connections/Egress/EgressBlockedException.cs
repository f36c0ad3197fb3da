using System.Net;

namespace Portal.Connections.Egress;

/// <summary>
/// A refused outbound request. The message names the host and the reason in plain words and is safe to show to the script
/// author (it never contains the URL's user info). At connect time it arrives as the inner exception of an
/// <see cref="HttpRequestException"/>; use <see cref="TryFind"/> to get it back.
/// </summary>
public sealed class EgressBlockedException : HttpRequestException
{
    private const string PublicOnly = "Scripts may only call public internet addresses.";

    private EgressBlockedException(EgressBlockReason reason, string host, IPAddress? address, string message, Exception? inner = null)
        : base(HttpRequestError.ConnectionError, message, inner)
    {
        (Reason, Host, Address) = (reason, host, address);
    }

    public EgressBlockReason Reason { get; }

    /// <summary>The host as it appeared in the (normalized) URL; an IPv6 literal has no brackets.</summary>
    public string Host { get; }

    /// <summary>The refused address, when the refusal was about an address.</summary>
    public IPAddress? Address { get; }

    /// <summary>Finds an egress refusal in <paramref name="exception"/> or its inner exceptions.</summary>
    public static bool TryFind(Exception? exception, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EgressBlockedException? blocked)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is EgressBlockedException found)
            {
                blocked = found;
                return true;
            }
        }

        blocked = null;
        return false;
    }

    internal static EgressBlockedException BlockedLiteral(string host, IPAddress address, string category) =>
        new(EgressBlockReason.BlockedAddress, host, address, $"Requests to {host} are blocked: it is {category}. {PublicOnly}");

    internal static EgressBlockedException BlockedName(string host, IPAddress address, string category) =>
        new(EgressBlockReason.BlockedAddress, host, address, $"Requests to {host} are blocked: the name resolves to {address}, {category}. {PublicOnly}");

    internal static EgressBlockedException DnsFailure(string host, Exception? inner) =>
        new(EgressBlockReason.DnsFailure, host, null,
            $"Requests to {host} are blocked: the name could not be resolved, so nothing was sent. Check the host name in the URL.", inner);

    internal static EgressBlockedException Scheme(string host, string scheme) =>
        new(EgressBlockReason.Scheme, host, null, $"Requests to {host} are blocked: '{scheme}:' URLs are not allowed. Use an http:// or https:// URL.");

    internal static EgressBlockedException UserInfo(string host) =>
        new(EgressBlockReason.UserInfo, host, null,
            $"Requests to {host} are blocked: the URL contains a user name or password before '@'. Remove it and send credentials through a connection or a header.");

    internal static EgressBlockedException InvalidUrl(string shown) =>
        new(EgressBlockReason.InvalidUrl, shown, null, $"Requests to '{shown}' are blocked: it is not an absolute http or https URL. Write the full URL, e.g. https://api.example.com/v1/items.");
}
