using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security;

/// <summary>The portal with its Sandbox, whose weather API accepts only the canary key, logging everything at Trace into memory.</summary>
public class CanaryPortalWebFactory : PortalWebFactory
{
    public static readonly string Canary = "cnry" + Guid.NewGuid().ToString("N");

    public string SandboxUrl { get; } = $"http://127.0.0.1:{SandboxPortalWebFactory.FreePort()}";

    public CapturingLoggerProvider Logs { get; } = new();

    protected override bool SandboxEnabled => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sandbox:Url", SandboxUrl);
        builder.UseSetting("Sandbox:DataDirectory", Path.Combine(DataDirectory, "sandbox"));
        builder.UseSetting("Sandbox:WeatherApiKeys:0", Canary);
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        // appsettings.json keeps the portal's own categories at Information; the canary must see their Trace lines too.
        builder.UseSetting("Logging:LogLevel:Portal", "Trace");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }
}
