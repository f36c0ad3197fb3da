namespace Portal.Connections;

/// <summary>Bound from the <c>Connections</c> configuration section.</summary>
public sealed class ConnectionsOptions
{
    public const string SectionName = "Connections";

    /// <summary>Absolute base URL of the portal (used for redirect URIs); defaults to the current request's origin.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Exact http origins allowed despite the https rule (e.g. the Sandbox on loopback).</summary>
    public List<string> InsecureOriginExceptions { get; set; } = [];

    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long invokeUrl's credential path trusts what it read (connection, grants, service, decrypted credential) when the
    /// host counts writes (<see cref="Credentials.IConnectionsChangeStamp"/>): the bound for a change made by another instance.
    /// Within one instance every committed write is seen by the next call. Zero turns the cache off.
    /// </summary>
    public TimeSpan CredentialCacheLifetime { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan IdleRefreshAfter { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan BackgroundRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    public bool EnableBackgroundRefresh { get; set; } = true;

    public TimeSpan RefreshLeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan MaxRefreshBackoff { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan OutboundTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRedirects { get; set; } = 5;

    public string BrowserBindingCookieName { get; set; } = "portal.oauth.binding";
}
