using System.Globalization;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions.Api;

/// <summary>
/// GET|POST /api/v1/functions/{api_name}/actions/execute — runs the saved function as the token's user (origin Token)
/// or as the user who enabled the function's API key (origin ApiKey).
/// </summary>
internal static class FunctionExecuteEndpoint
{
    public static void Map(RouteGroupBuilder functions, ExecuteRateLimiter userLimiter, ExecuteRateLimiter keyLimiter)
    {
        functions.MapMethods("/{apiName}/actions/execute", [HttpMethods.Get, HttpMethods.Post], (string apiName, HttpContext context, IFunctionService service, IFunctionRunner runner) =>
            ExecuteAsync(apiName, context, service, runner, userLimiter, keyLimiter));
    }

    private static async Task<IResult> ExecuteAsync(string apiName, HttpContext context, IFunctionService service, IFunctionRunner runner, ExecuteRateLimiter userLimiter, ExecuteRateLimiter keyLimiter)
    {
        var user = context.User;
        var userId = FunctionPermissions.UserId(user);
        var keyFunctionId = user.FindFirst(FunctionApiKeyDefaults.FunctionIdClaim)?.Value;
        if (keyFunctionId is not null && await keyLimiter.TryAcquireAsync(context, user.FindFirst(FunctionApiKeyDefaults.KeyHashClaim)!.Value) is { } keyTooMany)
        {
            return keyTooMany;
        }

        if (await userLimiter.TryAcquireAsync(context, userId) is { } tooMany)
        {
            return tooMany;
        }

        if (!FunctionPermissions.CanRun(user))
        {
            return ExecuteResponses.Error(403, "Your account has no role that may run functions. Ask an admin to give you the User role.");
        }

        var function = await service.GetAsync(user, apiName, context.RequestAborted);

        // A key runs its own function only; any other API name is refused as if the key were wrong.
        if (keyFunctionId is not null && (function is null || keyFunctionId != function.Id.ToString(CultureInfo.InvariantCulture)))
        {
            return ExecuteResponses.Error(401, FunctionApiKeyAuthenticationHandler.InvalidKeyMessage);
        }

        if (function is null)
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
            var origin = keyFunctionId is null ? FunctionRunOrigin.Token : FunctionRunOrigin.ApiKey;
            var run = await runner.RunAsync(new FunctionRunRequest { FunctionId = function.Id, Values = binding.Values }, user, origin, context.RequestAborted);
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
