extern alias web;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections.Api;
using ApplicationUser = web::Portal.Web.Data.ApplicationUser;
using PortalProgram = web::Program;

namespace Portal.Cli.Tests.RoundTrip;

/// <summary>The real portal on Kestrel at 127.0.0.1 (a free port) with a throw-away SQLite database and the demo users.</summary>
public sealed class RunningPortal : WebApplicationFactory<PortalProgram>
{
    public const string Developer = "alice@portal.local";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "portal-cli-tests", Guid.NewGuid().ToString("N"));

    public RunningPortal()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:41234.</summary>
    public string Url
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        }
    }

    /// <summary>A new personal access token of a seeded user, as they would create it under Access tokens.</summary>
    public async Task<string> CreateTokenAsync(string email)
    {
        StartServer();
        using var scope = Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        var token = await scope.ServiceProvider.GetRequiredService<IPersonalAccessTokens>().CreateAsync(user!.Id, "cli round trip");
        return token.Token;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(dataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(dataDirectory, "portal.db")}");
        builder.UseSetting("Portal:Admin:Email", "admin@cli.test");
        builder.UseSetting("Portal:Admin:Password", "admin-cli-password-123");
        builder.UseSetting("Portal:Demo", "true");
        builder.UseSetting("DataProtection:CertificatePath", Path.Combine(dataDirectory, "keys", "dataprotection.pfx"));
        builder.UseSetting("Sandbox:Enabled", "false");
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
}
