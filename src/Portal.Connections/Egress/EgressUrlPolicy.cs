using System.Net;

namespace Portal.Connections.Egress;

/// <summary>
/// URL-level checks the script invoker runs before sending (SEC-23): http/https only, no user info, and no IP literal in a
/// blocked range in any notation. Host names are checked again, after resolution, at connect time (SEC-22).
/// </summary>
public sealed class EgressUrlPolicy(EgressAllowList allowList)
{
    /// <summary>Parses and checks <paramref name="url"/>; returns the normalized URL or throws <see cref="EgressBlockedException"/>.</summary>
    public Uri Validate(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim();

        // On Unix "/etc/passwd" parses as an implicit file: URL; only an explicitly written scheme counts.
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || !trimmed.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            throw EgressBlockedException.InvalidUrl(Shorten(url));
        }

        return Validate(uri);
    }

    /// <summary>Checks <paramref name="uri"/>; returns it or throws <see cref="EgressBlockedException"/>.</summary>
    public Uri Validate(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            throw EgressBlockedException.InvalidUrl(Shorten(uri.OriginalString));
        }

        var host = HostOf(uri);
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw EgressBlockedException.Scheme(host.Length > 0 ? host : uri.Scheme, uri.Scheme);
        }

        if (uri.UserInfo.Length > 0)
        {
            throw EgressBlockedException.UserInfo(host);
        }

        if (allowList.IsAllowed(uri.Scheme, host, uri.Port))
        {
            return uri;
        }

        // Uri already turns 2130706433, 0177.0.0.1, 0x7f.1 and 127.1 into 127.0.0.1; IDN digits and a trailing dot are handled here.
        var candidate = host.TrimEnd('.');
        if (IPAddress.TryParse(candidate, out var address) && BlockedAddressRanges.Classify(address) is { } category)
        {
            throw EgressBlockedException.BlockedLiteral(host, address, category);
        }

        if (candidate.Equals("localhost", StringComparison.OrdinalIgnoreCase) || candidate.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw EgressBlockedException.BlockedLiteral(host, IPAddress.Loopback, "a loopback name (this server itself)");
        }

        return uri;
    }

    internal static string HostOf(Uri uri)
    {
        try
        {
            return EgressAllowList.HostText(uri.IdnHost);
        }
        catch (UriFormatException)
        {
            return EgressAllowList.HostText(uri.Host);
        }
    }

    private static string Shorten(string url) => url.Length <= 80 ? url : string.Concat(url.AsSpan(0, 77), "...");
}
