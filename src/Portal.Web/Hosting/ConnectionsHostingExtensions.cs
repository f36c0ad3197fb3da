using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portal.Connections;
using Portal.Connections.Api;
using Portal.Connections.Catalog;
using Portal.Connections.Data;
using Portal.Connections.Egress;
using Portal.Connections.Management;
using Portal.Connections.Security;
using Portal.Sandbox;
using Portal.Web.ConnectionsHost;
using Portal.Web.ConnectionsUi;
using Portal.Web.Functions;
using Portal.Web.Functions.Running;
using Portal.Web.Identity;
using Portal.Web.Sandbox;

namespace Portal.Web.Hosting;

internal static class ConnectionsHostingExtensions
{
    public const string DefaultUrl = "http://localhost:5000";

    /// <summary>The connections engine over the portal database, and (unless disabled) the embedded Sandbox Cloud.</summary>
    public static WebApplicationBuilder AddPortalConnections(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var publicUrl = configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.PublicUrl)}"];

        // Sandbox first: its hosted service must be listening before anything calls its token endpoint.
        var sandbox = configuration.GetSection(SandboxOptions.SectionName).Get<SandboxIntegrationOptions>() ?? new();
        if (sandbox.Enabled)
        {
            services.AddOptions<SandboxOptions>()
                .Bind(configuration.GetSection(SandboxOptions.SectionName))
                .PostConfigure(o =>
                {
                    if (string.IsNullOrWhiteSpace(o.DataDirectory))
                    {
                        o.DataDirectory = Path.Combine(builder.Environment.ContentRootPath, "sandbox-data");
                    }
                });
            services.AddSingleton(new SandboxPortalClient(PortalOrigins(configuration, publicUrl)));
            services.AddSingleton<SandboxHostedService>();
            services.AddHostedService(sp => sp.GetRequiredService<SandboxHostedService>());
            services.AddSingleton<ICatalogContributor, SandboxCatalogContributor>();
            var sandboxOrigin = new Uri(configuration[$"{SandboxOptions.SectionName}:Url"] ?? new SandboxOptions().Url).GetLeftPart(UriPartial.Authority);
            services.PostConfigure<ConnectionsOptions>(o => o.InsecureOriginExceptions.Add(sandboxOrigin));
            // The one documented SSRF exception (SEC-23): the sandbox's exact loopback origin.
            services.PostConfigure<EgressOptions>(o => o.AllowedOrigins.Add(sandboxOrigin));
        }

        services.AddSingleton<IConnectionsDbContextFactory, PortalConnectionsDbContextFactory>();
        services.AddSingleton<IConnectionsWording, PortalConnectionsWording>();
        // Every portal context counts its writes (DataChangeInterceptor), so invokeUrl's credential path may cache its reads.
        services.AddSingleton<Portal.Connections.Credentials.IConnectionsChangeStamp, DataChangesConnectionsStamp>();
        services.AddSingleton<ServiceTestConnections>();
        services.AddSingleton<IConnectionsAuditSink, ConnectionsAuditSink>();
        services.AddSingleton<IConnectionsUserDirectory, IdentityConnectionsUserDirectory>();
        services.AddSingleton<IConnectionUsageSource, FunctionConnectionUsageSource>();
        services.AddSingleton<IFunctionHttpInvokerFactory, ConnectedHttpInvokerFactory>();
        services.AddSingleton<IConnectionDirectory, EngineConnectionDirectory>();
        services.AddPortalConnections(configuration);
        services.AddPortalEgressFiltering(configuration);
        services.AddConnectionsUi();
        services.PostConfigure<ConnectionsOptions>(o =>
        {
            o.PublicBaseUrl ??= string.IsNullOrWhiteSpace(publicUrl) ? null : publicUrl;
            // invokeUrl allows 40 s per call (src/docs/LANGUAGE.md, "Limits"); the client must not give up first.
            if (o.OutboundTimeout < TimeSpan.FromSeconds(45))
            {
                o.OutboundTimeout = TimeSpan.FromSeconds(45);
            }
        });
        return builder;
    }

    /// <summary>Origins the portal answers on, for redirect URIs registered at the Sandbox.</summary>
    private static IEnumerable<string> PortalOrigins(ConfigurationManager configuration, string? publicUrl)
    {
        if (!string.IsNullOrWhiteSpace(publicUrl))
        {
            yield return new Uri(publicUrl).GetLeftPart(UriPartial.Authority);
        }

        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? DefaultUrl;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalized = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
            if (Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
            {
                yield return uri.GetLeftPart(UriPartial.Authority);
            }
        }
    }
}
