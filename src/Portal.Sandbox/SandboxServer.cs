using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Portal.Sandbox.Hosting;

namespace Portal.Sandbox;

/// <summary>Starts Sandbox Cloud as its own web application on a loopback port, so clients talk to it like to any provider.</summary>
public static class SandboxServer
{
    /// <summary>The demo APIs take small JSON or form bodies; 1 MB is plenty and caps what Echo buffers.</summary>
    internal const int MaxRequestBodyBytes = 1024 * 1024;

    public static async Task<SandboxInstance> StartAsync(
        SandboxOptions options,
        ILoggerFactory? loggerFactory = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = new Uri(options.Url, UriKind.Absolute);
        if (!url.IsLoopback || url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException(
                $"Sandbox:Url must be an http loopback address such as http://127.0.0.1:5100, but was '{options.Url}'. Change the setting and start again.",
                nameof(options));
        }

        var dataDirectory = options.ResolveDataDirectory();
        Directory.CreateDirectory(dataDirectory);

        // Empty builder: the host application's appsettings, URLs and environment variables must not leak in.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = dataDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        if (loggerFactory is not null)
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddSandbox(options, dataDirectory);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        // Loopback names only: a web page that DNS-rebinds its own name to 127.0.0.1 gets 400, not our APIs.
        builder.Services.Configure<HostFilteringOptions>(filter =>
            filter.AllowedHosts = [.. new[] { url.Host, "127.0.0.1", "localhost", "[::1]" }.Distinct(StringComparer.OrdinalIgnoreCase)]);

        var app = builder.Build();
        app.UseHostFiltering();
        app.UseSandboxSecurityHeaders();
        app.UseStatusCodePages(Authorization.AuthorizeEndpoint.RenderLocalErrorAsync);
        app.UseAuthentication();
        app.MapSandbox();

        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<SandboxSeeder>().SeedAsync(options.Clients, ct);
            }

            await app.StartAsync(ct);
        }
        catch (IOException error)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"Sandbox Cloud could not listen on {options.Url}: {error.Message} Another program may be using the port; change Sandbox:Url or stop that program.",
                error);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var actual = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        app.Services.GetRequiredService<SandboxAddress>().Url ??= actual;
        return new SandboxInstance(app, actual);
    }
}
