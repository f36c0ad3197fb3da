namespace Portal.Connections.Egress;

/// <summary>Why an outbound request from a script was refused.</summary>
public enum EgressBlockReason
{
    /// <summary>The host is, or resolves to, an address in a blocked range (loopback, private, metadata, …).</summary>
    BlockedAddress,

    /// <summary>The host name could not be resolved; egress fails closed.</summary>
    DnsFailure,

    /// <summary>The URL's scheme is not http or https.</summary>
    Scheme,

    /// <summary>The URL carries a user name or password before '@'.</summary>
    UserInfo,

    /// <summary>The URL is not an absolute URL.</summary>
    InvalidUrl,
}
