using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.E2E.Infrastructure;

/// <summary>The real portal on Kestrel at 127.0.0.1 with a throw-away database, for the browser to talk to.</summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@portal.local";
    public const string AdminPassword = "admin-e2e-password";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "portal-e2e", Guid.NewGuid().ToString("N"));

    // The Sandbox registers redirect URIs from the portal's URL at startup, so the port must be known before Kestrel binds.
    private readonly int port = FreePort();
    private readonly int sandboxPort = FreePort();

    private readonly int databaseWaitSeconds;

    /// <param name="databaseWaitSeconds">How long the portal waits for a locked database (SQLite's Default Timeout).</param>
    public PortalServer(int databaseWaitSeconds = 30)
    {
        this.databaseWaitSeconds = databaseWaitSeconds;
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    public string DatabasePath => Path.Combine(dataDirectory, "portal.db");

    public string SandboxUrl => $"http://127.0.0.1:{sandboxPort}";

    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            return addresses.Addresses.First().TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath};Default Timeout={databaseWaitSeconds}");
        builder.UseSetting("Portal:Admin:Email", AdminEmail);
        builder.UseSetting("Portal:Admin:Password", AdminPassword);
        builder.UseSetting("Portal:Demo", "true");
        builder.UseSetting("DataProtection:CertificatePath", Path.Combine(dataDirectory, "keys", "dataprotection.pfx"));
        builder.UseSetting("urls", $"http://127.0.0.1:{port}");
        builder.UseSetting("Portal:PublicUrl", $"http://127.0.0.1:{port}");
        builder.UseSetting("Sandbox:Url", SandboxUrl);
        builder.UseSetting("Sandbox:DataDirectory", Path.Combine(dataDirectory, "sandbox"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
