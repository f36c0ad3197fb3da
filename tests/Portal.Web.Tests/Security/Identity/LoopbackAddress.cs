using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Web.Tests.Security.Identity;

/// <summary>Where Kestrel actually listens (port 0 picks a free one), so clients go there and not to http://localhost.</summary>
internal static class LoopbackAddress
{
    public static Uri Of(IServiceProvider services) =>
        new(services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/");
}
