using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.TryAddSingleton<SecretProtector>();
        services.TryAddSingleton<ServiceCatalog>();
        services.TryAddSingleton<IServiceCatalog>(sp => sp.GetRequiredService<ServiceCatalog>());
        services.TryAddSingleton<ConnectionLookup>();
        services.TryAddSingleton<ProviderClient>();
        services.TryAddSingleton<IssuerMetadata>();
        services.TryAddSingleton<AuthorizationStore>();
        services.TryAddSingleton<OAuthFlowService>();
        services.TryAddSingleton<IConnectionAuthorizer>(sp => sp.GetRequiredService<OAuthFlowService>());
        services.TryAddSingleton<TokenStore>();
        services.TryAddSingleton(sp => new RefreshPolicy(sp.GetRequiredService<IOptions<ConnectionsOptions>>().Value));
        services.TryAddSingleton<TokenRefresher>();
        services.TryAddSingleton(sp => new CredentialResolver(sp.GetRequiredService<IConnectionsDbContextFactory>(), sp.GetRequiredService<ConnectionLookup>(),
            sp.GetRequiredService<TokenRefresher>(), sp.GetRequiredService<SecretProtector>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IConnectionsChangeStamp>(), sp.GetRequiredService<IOptions<ConnectionsOptions>>().Value.CredentialCacheLifetime));
        services.TryAddSingleton<IConnectionUseCheck>(sp => sp.GetRequiredService<CredentialResolver>());
        services.TryAddSingleton<ConnectionManager>();
        services.TryAddSingleton<IConnectionManager>(sp => sp.GetRequiredService<ConnectionManager>());
        services.TryAddSingleton<IUserCredentialCleanup, UserCredentialCleanup>();
        services.TryAddSingleton<IConnectionUseGrants, ConnectionUseGrantManager>();
        services.TryAddSingleton<PersonalAccessTokenService>();
        services.TryAddSingleton<IPersonalAccessTokens>(sp => sp.GetRequiredService<PersonalAccessTokenService>());
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
}
