using System.Security.Claims;
using Portal.Connections;
using Portal.Connections.Credentials;
using Portal.Connections.Egress;
using Portal.Scripting.Http;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.ConnectionsHost;

/// <summary>Runs act for the signed-in user: their own authorizations for shared connections (flow 3).</summary>
internal sealed class ConnectedHttpInvokerFactory(IHttpClientFactory clients, EgressUrlPolicy urlPolicy, IConnectionsWording wording) : IFunctionHttpInvokerFactory
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);
    public const int MaxResponseBytes = 5 * 1024 * 1024;

    public IHttpInvoker CreateFor(ClaimsPrincipal user, ConnectionUseContext connectionUse)
    {
        ArgumentNullException.ThrowIfNull(connectionUse);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("Runs need a signed-in user; sign in and run the function again.");
        return userId == connectionUse.RunningUserId
            ? new ConnectionsHttpInvoker(clients, urlPolicy, wording, connectionUse, Timeout, MaxResponseBytes)
            : throw new InvalidOperationException("A run's connection context must be the running user's.");
    }
}
