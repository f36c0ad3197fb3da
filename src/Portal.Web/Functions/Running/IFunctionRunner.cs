using System.Security.Claims;

namespace Portal.Web.Functions.Running;

/// <summary>Compiles and runs a function as <paramref name="user"/> and stores the run.</summary>
public interface IFunctionRunner
{
    Task<FunctionRunRecord> RunAsync(FunctionRunRequest request, ClaimsPrincipal user, FunctionRunOrigin origin, CancellationToken ct = default);
}
