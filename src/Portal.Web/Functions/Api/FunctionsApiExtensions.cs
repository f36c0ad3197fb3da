using Microsoft.AspNetCore.Diagnostics;
using Portal.Connections;

namespace Portal.Web.Functions.Api;

/// <summary>Maps the functions REST API (execute + deploy) under /api/v1/functions, authenticated by personal access tokens.</summary>
internal static class FunctionsApiExtensions
{
    public static IEndpointRouteBuilder MapFunctionsApi(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        var limiter = new ExecuteRateLimiter(configuration.GetValue(ExecuteRateLimiter.ConfigurationKey, ExecuteRateLimiter.DefaultPerMinute));
        app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(limiter.Dispose);

        var functions = app.MapGroup("/api/v1/functions")
            .RequireAuthorization(ConnectionsPolicies.Api)
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
        FunctionExecuteEndpoint.Map(functions, limiter);
        FunctionsDeployEndpoints.Map(functions);
        return app;
    }
}
