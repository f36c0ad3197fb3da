namespace Portal.Web.ConnectionsUi;

internal static class ConnectionsUiServiceCollectionExtensions
{
    /// <summary>Page-facing services of the Connections and Admin › Services pages.</summary>
    public static IServiceCollection AddConnectionsUi(this IServiceCollection services)
    {
        services.AddScoped<IConnectionsUi, ConnectionsUi>();
        services.AddScoped<IServicesUi, ServicesUi>();
        services.AddScoped<IConnectionUseGrantsUi, ConnectionUseGrantsUi>();
        services.AddTransient<PopupBridge>();
        return services;
    }
}
