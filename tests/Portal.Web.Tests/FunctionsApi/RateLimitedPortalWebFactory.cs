using Microsoft.AspNetCore.Hosting;
using Portal.Web.Functions.Api;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.FunctionsApi;

/// <summary>The portal with an execute limit of 3 calls per minute per user and 2 per API key, so the limit is reached quickly.</summary>
public sealed class RateLimitedPortalWebFactory : PortalWebFactory
{
    public const int PerMinute = 3;

    /// <summary>Below the per-user limit, so a key hits its own limit while its owner's token still has calls left.</summary>
    public const int PerKeyPerMinute = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(ExecuteRateLimiter.ConfigurationKey, PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting(ExecuteRateLimiter.PerKeyConfigurationKey, PerKeyPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
