using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.TestSupport;
using Portal.Web.Data;
using Portal.Web.Identity;

namespace Portal.Web.Tests.Infrastructure;

/// <summary>The real portal on a throw-away SQLite file (or, with <see cref="Provider"/> PostgreSQL, a throw-away PostgreSQL database) with a known admin.</summary>
public class PortalWebFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "admin-password-123";

    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>False lets a second factory start on the same database, as a restart would.</summary>
    public bool DeleteDataOnDispose { get; init; } = true;

    public RecordingAnnouncer Announcer { get; } = new();

    /// <summary>The database engine; <see cref="DatabaseProvider.PostgreSQL"/> uses <see cref="PostgresDatabase"/>.</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>The PostgreSQL database, created for this factory unless several factories (instances) are given one to share.</summary>
    public PostgresTestDatabase? PostgresDatabase { get; set; }

    private bool ownsPostgresDatabase;

    protected virtual bool ConfigureAdmin => true;

    protected virtual bool SandboxEnabled => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Development");
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            if (PostgresDatabase is null)
            {
                PostgresDatabase = new PostgresTestDatabase();
                ownsPostgresDatabase = true;
            }

            builder.UseSetting(DatabaseProviders.ConfigurationKey, "PostgreSQL");
            builder.UseSetting("ConnectionStrings:Portal", PostgresDatabase.ConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(DataDirectory, "portal.db")}");
        }

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
        if (disposing && ownsPostgresDatabase && DeleteDataOnDispose)
        {
            PostgresDatabase?.Dispose();
        }

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
