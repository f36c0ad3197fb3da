namespace Portal.Connections.Credentials;

/// <summary>Tags an <see cref="HttpRequestMessage"/> sent through the <see cref="ConnectionsHttpClients.Invoke"/> client.</summary>
public static class ConnectionRequestOptions
{
    public static readonly HttpRequestOptionsKey<string> Connection = new("Portal.Connections.LinkName");
    public static readonly HttpRequestOptionsKey<string> RunningUser = new("Portal.Connections.RunningUserId");
    public static readonly HttpRequestOptionsKey<IList<HttpCallTrace>> Trace = new("Portal.Connections.Trace");

    /// <summary>Makes the request use <paramref name="linkName"/>'s credentials for <paramref name="runningUserId"/>.</summary>
    public static HttpRequestMessage UseConnection(this HttpRequestMessage request, string linkName, string runningUserId, IList<HttpCallTrace>? trace = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Connection, linkName);
        request.Options.Set(RunningUser, runningUserId);
        if (trace is not null)
        {
            request.Options.Set(Trace, trace);
        }

        return request;
    }
}
