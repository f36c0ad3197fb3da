namespace Portal.Connections.Egress;

/// <summary>Bound from the <c>Egress</c> configuration section (SEC-22…24).</summary>
public sealed class EgressOptions
{
    public const string SectionName = "Egress";

    /// <summary>
    /// Exact origins (<c>scheme://host:port</c>, e.g. the Sandbox's <c>http://127.0.0.1:5100</c>) that skip the address check.
    /// Only a request whose scheme, host and port all match an entry is exempt.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Upper bound for DNS resolution plus the TCP connect of one outbound connection.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
