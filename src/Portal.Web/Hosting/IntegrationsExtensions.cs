using Portal.Web.Integrations;

namespace Portal.Web.Hosting;

internal static class IntegrationsExtensions
{
    /// <summary>Integration packs (zoho.crm …), their admin bindings and the task hook every function run gets.</summary>
    public static WebApplicationBuilder AddPortalIntegrations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(_ => IntegrationPackCatalog.BuiltIn());
        services.AddSingleton<IIntegrationServiceDirectory, CatalogIntegrationServiceDirectory>();
        services.AddSingleton<IIntegrationHttpInvokerFactory, ConnectionsIntegrationHttpInvokerFactory>();
        services.AddSingleton<IntegrationExecutor>();
        services.AddSingleton<IIntegrationTaskInvokerFactory, IntegrationTaskInvokerFactory>();
        services.AddScoped<IIntegrationsAdmin, IntegrationsAdmin>();
        return builder;
    }
}
