using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Egress;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>The portal with its embedded Sandbox Cloud on a free loopback port of its own.</summary>
public sealed class SandboxPortalWebFactory : PortalWebFactory
{
    public string SandboxUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    /// <summary>Further loopback origins (test servers) that scripts may call and custom services may use over http.</summary>
    public IReadOnlyList<string> ExtraAllowedOrigins { get; init; } = [];

    protected override bool SandboxEnabled => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sandbox:Url", SandboxUrl);
        builder.UseSetting("Sandbox:DataDirectory", Path.Combine(DataDirectory, "sandbox"));
        builder.ConfigureServices(services =>
        {
            services.PostConfigure<EgressOptions>(o => o.AllowedOrigins.AddRange(ExtraAllowedOrigins));
            services.PostConfigure<ConnectionsOptions>(o => o.InsecureOriginExceptions.AddRange(ExtraAllowedOrigins));
        });
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
