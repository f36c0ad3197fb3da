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

    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>False lets a second factory start on the same database, as a restart would.</summary>
    public bool DeleteDataOnDispose { get; init; } = true;

    public RecordingAnnouncer Announcer { get; } = new();

    protected virtual bool ConfigureAdmin => true;

    protected virtual bool SandboxEnabled => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(DataDirectory, "portal.db")}");
        if (ConfigureAdmin)
        {
            builder.UseSetting("Portal:Admin:Email", AdminEmail);
            builder.UseSetting("Portal:Admin:Password", AdminPassword);
        }

        builder.UseSetting("Portal:Demo", "true");
        builder.UseSetting("DataProtection:CertificatePath", Path.Combine(DataDirectory, "keys", "dataprotection.pfx"));
        builder.UseSetting("Sandbox:Enabled", SandboxEnabled ? "true" : "false");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<ConsoleAnnouncer>();
            services.AddSingleton<ConsoleAnnouncer>(Announcer);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && DeleteDataOnDispose)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}

public sealed class RecordingAnnouncer : ConsoleAnnouncer
{
    public List<string> Messages { get; } = [];

    public override void Announce(string message) => Messages.Add(message);
}
