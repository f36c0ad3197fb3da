using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Connections.Credentials;

namespace Portal.Connections.Egress;

public static class EgressServiceCollectionExtensions
{
    /// <summary>
    /// Makes every outbound HTTP client of the connections engine SSRF-safe (SEC-22…24) by replacing the
    /// <see cref="IEgressHandlerFactory"/> registration; binds <see cref="EgressOptions"/> from the <c>Egress</c> section.
    /// Call after <c>AddPortalConnections</c> or before it; either way this registration wins.
    /// </summary>
    public static IServiceCollection AddPortalEgressFiltering(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EgressOptions>().Bind(configuration.GetSection(EgressOptions.SectionName));
        services.TryAddSingleton<IEgressDnsResolver, SystemDnsResolver>();
        services.TryAddSingleton<EgressAllowList>();
        services.TryAddSingleton<EgressUrlPolicy>();
        services.TryAddSingleton<EgressFilteringHandlerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IEgressHandlerFactory>(sp => sp.GetRequiredService<EgressFilteringHandlerFactory>()));
        services.AddHostedService<EgressExceptionsStartupLogger>();
        return services;
    }
}
