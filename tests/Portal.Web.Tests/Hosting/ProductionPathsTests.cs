using Microsoft.Extensions.DependencyInjection;
using Portal.Web.ConnectionsHost;
using Portal.Web.Functions.Running;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

/// <summary>Issue #19 item 4: the host holds only production paths — runs never get an invoker without the SSRF filter.</summary>
public sealed class ProductionPathsTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    // SEC-22: every run's HTTP goes through the connections engine's egress filter.
    [Fact]
    public void Runs_get_their_http_invoker_from_the_connections_engine_and_there_is_no_plain_fallback()
    {
        var registrations = factory.Services.GetServices<IFunctionHttpInvokerFactory>().ToList();

        var only = Assert.Single(registrations);
        Assert.IsType<ConnectedHttpInvokerFactory>(only);
        Assert.DoesNotContain(typeof(IFunctionHttpInvokerFactory).Assembly.GetTypes(),
            type => typeof(IFunctionHttpInvokerFactory).IsAssignableFrom(type) && type is { IsClass: true, IsAbstract: false } && type != typeof(ConnectedHttpInvokerFactory));
    }
}
