namespace Portal.Web.Hosting;

/// <summary>
/// Section <c>ForwardedHeaders</c>: behind a TLS-terminating proxy the portal takes the client's scheme and address from
/// <c>X-Forwarded-Proto</c>/<c>X-Forwarded-For</c>, but only from the proxies listed here (loopback when none are).
/// </summary>
internal sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Proxy addresses such as <c>10.0.0.5</c>; empty means 127.0.0.1 and ::1.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation such as <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are trusted (<c>X-Forwarded-For</c> entries read from the right).</summary>
    public int ForwardLimit { get; set; } = 1;
}
