namespace Portal.Connections.Credentials;

/// <summary>Tags an <see cref="HttpRequestMessage"/> sent through the <see cref="ConnectionsHttpClients.Invoke"/> client.</summary>
public static class ConnectionRequestOptions
{
    public static readonly HttpRequestOptionsKey<string> Connection = new("Portal.Connections.LinkName");
    public static readonly HttpRequestOptionsKey<ConnectionUseContext> UseContext = new("Portal.Connections.UseContext");
    public static readonly HttpRequestOptionsKey<IList<HttpCallTrace>> Trace = new("Portal.Connections.Trace");
    public static readonly HttpRequestOptionsKey<CredentialRedaction> Redaction = new("Portal.Connections.Redaction");

    /// <summary>Makes the request use <paramref name="linkName"/>'s credentials for <paramref name="runningUserId"/> acting directly (no one else's code).</summary>
    public static HttpRequestMessage UseConnection(this HttpRequestMessage request, string linkName, string runningUserId, IList<HttpCallTrace>? trace = null,
        CredentialRedaction? redaction = null) =>
        request.UseConnection(linkName, ConnectionUseContext.ForUser(runningUserId), trace, redaction);

    /// <summary>Makes the request use <paramref name="linkName"/>'s credentials as <paramref name="context"/> may (SEC-10, SEC-33).</summary>
    /// <param name="redaction">Learns the secrets sent, so the caller can mask them in everything it hands on (SEC-35).</param>
    public static HttpRequestMessage UseConnection(this HttpRequestMessage request, string linkName, ConnectionUseContext context, IList<HttpCallTrace>? trace = null,
        CredentialRedaction? redaction = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        request.Options.Set(Connection, linkName);
        request.Options.Set(UseContext, context);
        if (trace is not null)
        {
            request.Options.Set(Trace, trace);
        }

        if (redaction is not null)
        {
            request.Options.Set(Redaction, redaction);
        }

        return request;
    }
}
