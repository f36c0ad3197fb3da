using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Connections.Api;
using Portal.Connections.Catalog;
using Portal.Connections.Credentials;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Connections.Security;
using Portal.Connections.Tokens;

namespace Portal.Connections;

public static class ConnectionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the connections engine. The host must also register <see cref="IConnectionsDbContextFactory"/> and should
    /// replace <see cref="IConnectionsAuditSink"/>, <see cref="IConnectionUsageSource"/>, <see cref="IConnectionsUserDirectory"/>
    /// and <see cref="IEgressHandlerFactory"/>; contribute default services with <see cref="ICatalogContributor"/>.
    /// </summary>
    public static IServiceCollection AddPortalConnections(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConnectionsOptions>().Bind(configuration.GetSection(ConnectionsOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection();
        services.TryAddSingleton<IConnectionsAuditSink, LoggingAuditSink>();
        services.TryAddSingleton<IConnectionUsageSource, NoConnectionUsageSource>();
        services.TryAddSingleton<IConnectionsUserDirectory, NoRolesUserDirectory>();
        services.TryAddSingleton<IEgressHandlerFactory, DefaultEgressHandlerFactory>();
        services.TryAddSingleton<IConnectionsChangeStamp, NoConnectionsChangeStamp>();
        services.TryAddSingleton<IConnectionsWording, NeutralConnectionsWording>();

        services.TryAddSingleton<ServiceValidator>();
        services.TryAddSingleton(sp => new SecretProtector(sp.GetRequiredService<IDataProtectionProvider>()));
        services.TryAddSingleton(sp => new ServiceCatalog(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<ServiceValidator>(),
            sp.GetRequiredService<SecretProtector>(), sp.GetRequiredService<IConnectionsAuditSink>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetServices<ICatalogContributor>()));
        services.TryAddSingleton(sp => new ConnectionLookup(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<ServiceCatalog>()));
        services.TryAddSingleton(sp => new ProviderClient(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(), Logger<ProviderClient>(sp)));
        services.TryAddSingleton(sp => new IssuerMetadata(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(), Logger<IssuerMetadata>(sp)));
        services.TryAddSingleton(sp => new AuthorizationStore(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<SecretProtector>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new OAuthFlowService(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<ConnectionLookup>(),
            sp.GetRequiredService<ProviderClient>(), sp.GetRequiredService<AuthorizationStore>(), sp.GetRequiredService<SecretProtector>(),
            sp.GetRequiredService<IConnectionsAuditSink>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ConnectionsOptions>>(), Logger<OAuthFlowService>(sp),
            sp.GetRequiredService<IssuerMetadata>()));
        services.TryAddSingleton(sp => new TokenStore(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<ConnectionLookup>(), sp.GetRequiredService<SecretProtector>()));
        services.TryAddSingleton(sp => new RefreshPolicy(sp.GetRequiredService<IOptions<ConnectionsOptions>>().Value));
        services.TryAddSingleton(sp => new TokenRefresher(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<TokenStore>(),
            sp.GetRequiredService<RefreshPolicy>(), sp.GetRequiredService<ProviderClient>(), sp.GetRequiredService<ServiceCatalog>(),
            sp.GetRequiredService<TimeProvider>(), Logger<TokenRefresher>(sp)));
        services.TryAddSingleton(sp => new CredentialResolver(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<ConnectionLookup>(),
            sp.GetRequiredService<TokenRefresher>(), sp.GetRequiredService<SecretProtector>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IConnectionsChangeStamp>(), sp.GetRequiredService<IOptions<ConnectionsOptions>>().Value.CredentialCacheLifetime));
        services.TryAddSingleton<IConnectionUseCheck>(sp => sp.GetRequiredService<CredentialResolver>());
        services.TryAddSingleton(sp => new ConnectionManager(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<ServiceCatalog>(),
            sp.GetRequiredService<ConnectionLookup>(), sp.GetRequiredService<ProviderClient>(), sp.GetRequiredService<SecretProtector>(),
            sp.GetRequiredService<IConnectionUsageSource>(), sp.GetRequiredService<IConnectionsAuditSink>(), sp.GetRequiredService<TimeProvider>(), Logger<ConnectionManager>(sp),
            sp.GetRequiredService<IConnectionsWording>()));
        services.TryAddSingleton(sp => new UserCredentialCleanup(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<ServiceCatalog>(),
            sp.GetRequiredService<ProviderClient>(), sp.GetRequiredService<SecretProtector>(), Logger<UserCredentialCleanup>(sp)));
        services.TryAddSingleton(sp => new ConnectionUseGrantManager(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<ConnectionLookup>(),
            sp.GetRequiredService<IConnectionsUserDirectory>(), sp.GetRequiredService<IConnectionsAuditSink>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PersonalAccessTokenService(sp.GetRequiredService<IConnectionsDbContextFactory>(),
            sp.GetRequiredService<IConnectionsAuditSink>(), sp.GetRequiredService<TimeProvider>()));
        services.AddTransient<CredentialInjectingHandler>();
        services.AddHostedService<TokenRefreshBackgroundService>();

        services.AddHttpClient(ConnectionsHttpClients.OAuth)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<IEgressHandlerFactory>().CreatePrimaryHandler())
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<IOptions<ConnectionsOptions>>().Value.OutboundTimeout);
        services.AddHttpClient(ConnectionsHttpClients.Invoke)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<IEgressHandlerFactory>().CreatePrimaryHandler())
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<IOptions<ConnectionsOptions>>().Value.OutboundTimeout)
            .AddHttpMessageHandler<CredentialInjectingHandler>();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenAuthenticationHandler>(ConnectionsPolicies.PersonalAccessTokenScheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ConnectionsPolicies.Api, p => p.AddAuthenticationSchemes(ConnectionsPolicies.PersonalAccessTokenScheme).RequireAuthenticatedUser())
            .AddPolicy(ConnectionsPolicies.Browser, p => p.RequireAuthenticatedUser());
        return services;
    }

    private static ILogger<T> Logger<T>(IServiceProvider sp) => sp.GetRequiredService<ILogger<T>>();
}
