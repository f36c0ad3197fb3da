using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Connections.Credentials;
using Portal.Connections.Egress;

namespace Portal.Connections.Tests.Egress;

public sealed class EgressRegistrationTests
{
    // SEC-22
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddPortalEgressFiltering_replaces_the_engines_default_factory_in_either_order(bool egressFirst)
    {
        var configuration = EgressTestHost.Configuration(["http://127.0.0.1:5100"], TimeSpan.FromSeconds(4));
        var services = new ServiceCollection().AddLogging();
        if (egressFirst)
        {
            services.AddPortalEgressFiltering(configuration);
        }

        services.AddPortalConnections(configuration);
        if (!egressFirst)
        {
            services.AddPortalEgressFiltering(configuration);
        }

        using var provider = services.BuildServiceProvider();

        Assert.IsType<EgressFilteringHandlerFactory>(provider.GetRequiredService<IEgressHandlerFactory>());
        Assert.Single(services, d => d.ServiceType == typeof(IEgressHandlerFactory));
        Assert.Equal(TimeSpan.FromSeconds(4), provider.GetRequiredService<IOptions<EgressOptions>>().Value.ConnectTimeout);
        Assert.Equal(["http://127.0.0.1:5100"], provider.GetRequiredService<EgressAllowList>().Configured);
    }
}
