using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Connections.Credentials;
using Portal.Connections.Egress;
using Portal.Connections.Tests.Infrastructure;

namespace Portal.Connections.Tests.Egress;

/// <summary>AddPortalEgressFiltering on its own, with the test resolver and captured logs.</summary>
internal sealed class EgressTestHost : IDisposable
{
    private EgressTestHost(ServiceProvider services, MapDnsResolver resolver, CapturingLoggerProvider logs) =>
        (Services, Resolver, Logs) = (services, resolver, logs);

    public ServiceProvider Services { get; }

    public MapDnsResolver Resolver { get; }

    public CapturingLoggerProvider Logs { get; }

    public EgressUrlPolicy UrlPolicy => Services.GetRequiredService<EgressUrlPolicy>();

    public EgressAllowList AllowList => Services.GetRequiredService<EgressAllowList>();

    public EgressFilteringHandlerFactory Factory => (EgressFilteringHandlerFactory)Services.GetRequiredService<IEgressHandlerFactory>();

    public static IConfiguration Configuration(IEnumerable<string>? allowedOrigins = null, TimeSpan? connectTimeout = null)
    {
        var settings = new Dictionary<string, string?>();
        var i = 0;
        foreach (var origin in allowedOrigins ?? [])
        {
            settings[$"Egress:AllowedOrigins:{i++}"] = origin;
        }

        if (connectTimeout is { } timeout)
        {
            settings["Egress:ConnectTimeout"] = timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    public static EgressTestHost Create(IEnumerable<string>? allowedOrigins = null, TimeSpan? connectTimeout = null)
    {
        var resolver = new MapDnsResolver();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<IEgressDnsResolver>(resolver);
        services.AddPortalEgressFiltering(Configuration(allowedOrigins, connectTimeout ?? TimeSpan.FromSeconds(3)));
        return new EgressTestHost(services.BuildServiceProvider(), resolver, logs);
    }

    public HttpClient Client() => new(Factory.CreatePrimaryHandler()) { Timeout = TimeSpan.FromSeconds(10) };

    public async Task StartHostedServicesAsync()
    {
        foreach (var service in Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public void Dispose() => Services.Dispose();
}
