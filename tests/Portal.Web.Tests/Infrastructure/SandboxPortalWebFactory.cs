using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>The portal with its embedded Sandbox Cloud on a free loopback port of its own.</summary>
public sealed class SandboxPortalWebFactory : PortalWebFactory
{
    public string SandboxUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    protected override bool SandboxEnabled => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sandbox:Url", SandboxUrl);
        builder.UseSetting("Sandbox:DataDirectory", Path.Combine(DataDirectory, "sandbox"));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
