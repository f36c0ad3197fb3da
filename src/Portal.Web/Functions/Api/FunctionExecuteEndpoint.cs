using System.Security.Claims;

namespace Portal.Web.Functions.Api;

/// <summary>GET|POST /api/v1/functions/{api_name}/actions/execute — runs the saved function as the token's user (origin Token).</summary>
internal static class FunctionExecuteEndpoint
{
    public static void Map(RouteGroupBuilder functions, ExecuteRateLimiter limiter)
    {
        functions.MapMethods("/{apiName}/actions/execute", [HttpMethods.Get, HttpMethods.Post], (string apiName, HttpContext context, IFunctionService service, IFunctionRunner runner) =>
            ExecuteAsync(apiName, context, service, runner, limiter));
    }

    private static async Task<IResult> ExecuteAsync(string apiName, HttpContext context, IFunctionService service, IFunctionRunner runner, ExecuteRateLimiter limiter)
    {
        var user = context.User;
        var userId = FunctionPermissions.UserId(user);
        if (limiter.TryAcquire(context, userId) is { } tooMany)
        {
            return tooMany;
        }

        if (!FunctionPermissions.CanRun(user))
        {
            return ExecuteResponses.Error(403, "Your account has no role that may run functions. Ask an admin to give you the User role.");
        }

        if (await service.GetAsync(apiName, context.RequestAborted) is not { } function)
        {
            return ExecuteResponses.Error(404, $"There is no function with the API name '{apiName}' that you can see. Check the API name in the function's REST API tab.");
        }

        var binding = await ExecuteArgumentBinder.BindAsync(context, function.Arguments, userId);
        if (binding.BadArgument is not null)
        {
            return ExecuteResponses.Error(400, binding.Error!, argument: binding.BadArgument);
        }

        try
        {
            var run = await runner.RunAsync(new FunctionRunRequest { FunctionId = function.Id, Values = binding.Values }, user, FunctionRunOrigin.Token, context.RequestAborted);
            return ExecuteResponses.From(run);
        }
        catch (UnauthorizedAccessException e)
        {
            return ExecuteResponses.Error(403, e.Message);
        }
        catch (InvalidOperationException e)
        {
            // The runner refuses when the user already has the maximum of concurrent runs, or the function was just deleted.
            context.Response.Headers.RetryAfter = "1";
            return ExecuteResponses.Error(429, e.Message);
        }
    }
}
