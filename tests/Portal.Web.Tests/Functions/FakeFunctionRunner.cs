using System.Security.Claims;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;

namespace Portal.Web.Tests.Functions;

public sealed class FakeFunctionRunner : IFunctionRunner
{
    public List<FunctionRunRequest> Requests { get; } = [];

    public FunctionRunRecord Result { get; set; } = new() { UserId = "alice", Status = FunctionRunStatus.Succeeded, Info = ["ran"], ReturnValueJson = "\"ok\"" };

    public Task<FunctionRunRecord> RunAsync(FunctionRunRequest request, ClaimsPrincipal user, FunctionRunOrigin origin, CancellationToken ct = default)
    {
        Requests.Add(request);
        return Task.FromResult(Result);
    }
}
