using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Web.Identity;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>The real portal on a throw-away SQLite file with a known admin.</summary>
public class PortalWebFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "admin-password-123";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    public RecordingAnnouncer Announcer { get; } = new();

    protected virtual bool ConfigureAdmin => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(dataDirectory, "portal.db")}");
        if (ConfigureAdmin)
        {
            builder.UseSetting("Portal:Admin:Email", AdminEmail);
            builder.UseSetting("Portal:Admin:Password", AdminPassword);
        }

        builder.UseSetting("Portal:Demo", "true");
        // Each test host gets its own Sandbox: parallel hosts sharing 127.0.0.1:5100 and one sandbox database collide.
        builder.UseSetting("Sandbox:Url", $"http://127.0.0.1:{FreePort()}");
        builder.UseSetting("Sandbox:DataDirectory", Path.Combine(dataDirectory, "sandbox"));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<ConsoleAnnouncer>();
            services.AddSingleton<ConsoleAnnouncer>(Announcer);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class RecordingAnnouncer : ConsoleAnnouncer
{
    public List<string> Messages { get; } = [];

    public override void Announce(string message) => Messages.Add(message);
}
