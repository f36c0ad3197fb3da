using Microsoft.AspNetCore.Hosting;

namespace Portal.Web.Tests.Security;

/// <summary>The canary portal with ASP.NET Core's own categories at Trace too (appsettings.json keeps them at Warning).</summary>
public sealed class AspNetCoreTraceCanaryFactory : CanaryPortalWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
    }
}
