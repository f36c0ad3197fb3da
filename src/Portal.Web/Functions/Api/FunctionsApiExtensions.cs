using Microsoft.AspNetCore.Diagnostics;
using Portal.Connections;
using Portal.Web.Functions.Running;

namespace Portal.Web.Functions.Api;

/// <summary>
/// Maps the functions REST API under /api/v1/functions: the deploy API for personal access tokens only,
/// execute for a token or the function's own API key.
/// </summary>
internal static class FunctionsApiExtensions
{
    public static IEndpointRouteBuilder MapFunctionsApi(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var shared = app.ServiceProvider.GetService<SharedRunLimits>();
        var userLimiter = new ExecuteRateLimiter(configuration.GetValue(ExecuteRateLimiter.ConfigurationKey, ExecuteRateLimiter.DefaultPerMinute), "user", shared);
        var keyLimiter = new ExecuteRateLimiter(configuration.GetValue(ExecuteRateLimiter.PerKeyConfigurationKey, ExecuteRateLimiter.DefaultPerMinute), "API key", shared);
        var lifetime = app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopped.Register(userLimiter.Dispose);
        lifetime.ApplicationStopped.Register(keyLimiter.Dispose);

        var deploy = Group(app, ConnectionsPolicies.Api);
        FunctionsDeployEndpoints.Map(deploy);
        FunctionScheduleEndpoints.Map(deploy);
        FunctionExecuteEndpoint.Map(Group(app, FunctionApiKeyDefaults.ExecutePolicy), userLimiter, keyLimiter);
        return app;
    }

    private static RouteGroupBuilder Group(IEndpointRouteBuilder app, string policy) =>
        app.MapGroup("/api/v1/functions")
            .RequireAuthorization(policy)
            .DisableAntiforgery()
            .AddEndpointFilter(async (context, next) =>
            {
                // API answers are JSON; the HTML status-code pages must not replace an empty 404 from crmAPIResponse.
                if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
                {
                    pages.Enabled = false;
                }

                return await next(context);
            });
}
