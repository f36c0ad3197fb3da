using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Connections;
using Portal.Scripting;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Functions.Api;
using Portal.Web.Functions.Keys;
using Portal.Web.Functions.Running;

namespace Portal.Web.Hosting;

internal static class FunctionsExtensions
{
    public static WebApplicationBuilder AddPortalFunctions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<IFunctionService, FunctionService>();
        services.AddScoped<IFunctionRunner, FunctionRunner>();
        services.AddOptions<FunctionRunOptions>().Bind(builder.Configuration.GetSection(FunctionRunOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<FunctionApiKeyService>();

        // "Request starting/finished" lines carry the query string, where a function API key may travel (?zapikey=, SEC-20).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

        // Execute accepts a personal access token or the function's own API key; the token's challenge runs first.
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, FunctionApiKeyAuthenticationHandler>(FunctionApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(FunctionApiKeyDefaults.ExecutePolicy, p => p
                .AddAuthenticationSchemes(ConnectionsPolicies.PersonalAccessTokenScheme, FunctionApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser());
        services.AddSingleton<IFunctionResolver, SavedFunctionResolver>();
        services.AddSingleton<FunctionRunPruner>();

        // The run path (issue #18): cached lookups and compiled scripts, and one writer that group-commits runs and their audit.
        services.AddSingleton<FunctionRunCache>();
        services.AddSingleton(sp => new FunctionRunRecorder(
            sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(), sp.GetRequiredService<FunctionRunPruner>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FunctionRunRecorder>>(),
            sp.GetRequiredService<IOptions<FunctionRunOptions>>().Value.DurableRunCommits));
        services.AddOptions<FunctionRunGateOptions>().Bind(builder.Configuration.GetSection(FunctionRunGateOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // One PostgreSQL database may serve several instances: the limits are then held in it (SharedRunLimits).
        services.AddSingleton(sp => sp.GetRequiredService<Portal.Web.Data.PortalDatabase>() is { Provider: Portal.Web.Data.DatabaseProvider.PostgreSQL } database
            ? new SharedRunLimits(database) : null!);
        services.AddSingleton(sp => new FunctionRunGate(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptionsMonitor<FunctionRunGateOptions>>(), sp.GetService<SharedRunLimits>()));
        services.AddSingleton<BackgroundPassGuard>(sp => sp.GetRequiredService<Portal.Web.Data.PortalDatabase>() is { Provider: Portal.Web.Data.DatabaseProvider.PostgreSQL } database
            ? new Portal.Web.Data.PostgresBackgroundPassGuard(database) : new BackgroundPassGuard());
        services.AddHostedService<FunctionRunPruningService>();

        // The editor sends whole functions over the circuit (diagnostics, save); the 32 KB default is too small.
        services.Configure<HubOptions>(options => options.MaximumReceiveMessageSize = Math.Max(options.MaximumReceiveMessageSize ?? 0, 4 * 1024 * 1024));

        // Runs get their HTTP invoker from the connections engine only (AddPortalConnections: credentials, the SSRF
        // filter, trace redaction); there is deliberately no plain fallback. Without it, editors list no connections.
        services.TryAddSingleton<IConnectionDirectory, EmptyConnectionDirectory>();
        return builder;
    }
}
