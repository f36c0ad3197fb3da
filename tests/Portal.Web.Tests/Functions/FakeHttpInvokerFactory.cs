using System.Security.Claims;
using Portal.Scripting.Http;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Tests.Functions;

/// <summary>Answers every call with a fixed JSON body and remembers the requests and for whom they ran.</summary>
public sealed class FakeHttpInvokerFactory : IFunctionHttpInvokerFactory, IHttpInvoker
{
    public List<(string? User, HttpInvocationRequest Request)> Calls { get; } = [];

    private string? currentUser;

    public string ResponseBody { get; set; } = "{\"ok\":true}";

    /// <summary>The connection context of the last run (SEC-33).</summary>
    public Portal.Connections.Credentials.ConnectionUseContext? LastConnectionUse { get; private set; }

    public IHttpInvoker CreateFor(ClaimsPrincipal user, Portal.Connections.Credentials.ConnectionUseContext connectionUse)
    {
        currentUser = user.Identity?.Name;
        LastConnectionUse = connectionUse;
        return this;
    }

    public Task<HttpInvocationResponse> InvokeAsync(HttpInvocationRequest request, CancellationToken cancellationToken)
    {
        Calls.Add((currentUser, request));
        return Task.FromResult(new HttpInvocationResponse
        {
            StatusCode = 200,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Set-Cookie"] = "session=abc" },
            Body = ResponseBody,
        });
    }
}
