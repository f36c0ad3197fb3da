using Microsoft.AspNetCore.Hosting;
using Portal.Web.Functions.Api;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>The portal with an execute limit of 3 calls per minute per user, so the limit is reached quickly.</summary>
public sealed class RateLimitedPortalWebFactory : PortalWebFactory
{
    public const int PerMinute = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(ExecuteRateLimiter.ConfigurationKey, PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
